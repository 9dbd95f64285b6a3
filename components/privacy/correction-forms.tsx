"use client";

import { confirmRecordAction, requestCorrectionAction } from "@/app/(member)/me/actions";
import { settleCorrectionAction } from "@/app/(secretary)/branch/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { privacy } from "@/lib/messages/privacy";
import { formatFull } from "@/lib/time";

export function CorrectionForm() {
  return (
    <ActionForm action={requestCorrectionAction} resetOnSuccess success={(message) => message}>
      <TextArea label={privacy.correction.body} name="body" hint={privacy.correction.hint} maxLength={1000} rows={3} />
      <SubmitButton variant="secondary">{privacy.correction.submit}</SubmitButton>
    </ActionForm>
  );
}

export function SettleCorrectionForm({ correctionId }: { correctionId: number }) {
  return (
    <ActionForm action={settleCorrectionAction} success={(message) => message}>
      <input type="hidden" name="correctionId" value={correctionId} />
      <TextArea label={privacy.correction.note} name="note" maxLength={500} rows={2} />
      <SubmitButton variant="secondary">{privacy.correction.done}</SubmitButton>
    </ActionForm>
  );
}

/** 信息无误，确认: the member's yearly confirmation of their own record. */
export function ConfirmRecordForm() {
  return (
    <ActionForm action={confirmRecordAction} success={(done) => privacy.confirm.done(formatFull(new Date(done.at)))}>
      <SubmitButton>{privacy.confirm.submit}</SubmitButton>
    </ActionForm>
  );
}
