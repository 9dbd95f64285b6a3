"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { scheduleChange } from "@/lib/messages/schedule-change";
import { requestChangeAction } from "./actions";

export function RequestForm({ activityId, current, min }: { activityId: number; current: string; min: string }) {
  return (
    <ActionForm action={requestChangeAction} success={(message) => message}>
      <input type="hidden" name="activityId" value={activityId} />
      <Field
        label={scheduleChange.toStartsAt}
        name="toStartsAt"
        type="datetime-local"
        defaultValue={current}
        min={min}
        required
      />
      <TextArea
        label={scheduleChange.reason}
        hint={scheduleChange.reasonHint}
        name="reason"
        rows={3}
        maxLength={500}
        required
      />
      <SubmitButton>{scheduleChange.submit}</SubmitButton>
    </ActionForm>
  );
}
