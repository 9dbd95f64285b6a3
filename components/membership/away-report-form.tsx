"use client";

import { fileAwayReportAction } from "@/app/(member)/activities/away-actions";
import { membership } from "@/lib/messages/membership";
import { UPLOAD_ACCEPT } from "@/lib/upload-limit";
import { ActionForm } from "../ui/action-form";
import { Field, TextArea } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

/** An away member reports a theme day of their branch they joined where they are; the photo is optional. */
export function AwayReportForm({ activityId }: { activityId: number }) {
  return (
    <ActionForm action={fileAwayReportAction} success={(message) => message}>
      <p className="text-stone-700">{membership.reportHint}</p>
      <input type="hidden" name="activityId" value={activityId} />
      <TextArea label={membership.reportNote} name="note" maxLength={500} rows={3} />
      <Field
        label={membership.photo}
        name="photo"
        type="file"
        accept={UPLOAD_ACCEPT}
        className="block w-full text-sm"
      />
      <SubmitButton>{membership.report}</SubmitButton>
    </ActionForm>
  );
}
