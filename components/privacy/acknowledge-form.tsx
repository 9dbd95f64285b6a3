"use client";

import { acknowledgeAction } from "@/app/(auth)/privacy/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { privacy } from "@/lib/messages/privacy";

/** Records that the person has read this version, then goes on with a full load so the proxy sees it. */
export function AcknowledgeForm({ version, next }: { version: number; next: string }) {
  return (
    <ActionForm action={acknowledgeAction} onSuccess={(done) => window.location.assign(done.next)}>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="next" value={next} />
      <SubmitButton>{privacy.acknowledge}</SubmitButton>
    </ActionForm>
  );
}
