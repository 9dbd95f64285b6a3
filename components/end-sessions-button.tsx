"use client";

import { endSessionsAction } from "@/app/(admin)/admin/account-actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { security } from "@/lib/messages/security";

/** Signs a person out everywhere (a lost phone, a shared one): shown where their account is managed. */
export function EndSessionsButton({ userId, label }: { userId: number; label: string }) {
  return (
    <ActionForm action={endSessionsAction} success={() => security.sessionsEnded} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" className="min-h-11 px-3" aria-label={`${security.endSessions} ${label}`}>
        {security.endSessions}
      </SubmitButton>
    </ActionForm>
  );
}
