"use client";

import { useId } from "react";
import { ActionForm, useFieldError } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { scheduleChange } from "@/lib/messages/schedule-change";
import { requestChangeAction } from "./actions";

const m = scheduleChange;

export function RequestForm({ activityId, current, min }: { activityId: number; current: string; min: string }) {
  return (
    <ActionForm action={requestChangeAction} success={(message) => message}>
      <input type="hidden" name="activityId" value={activityId} />
      <Field label={m.toStartsAt} name="toStartsAt" type="datetime-local" defaultValue={current} min={min} required />
      <Reason />
      <SubmitButton>{m.submit}</SubmitButton>
    </ActionForm>
  );
}

/** A reason is often a sentence or two, so a text area; it shows the server's message like <Field>. */
function Reason() {
  const id = useId();
  const error = useFieldError("reason");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-800">
        {m.reason}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        maxLength={500}
        required
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-note`}
        className="block w-full rounded-lg border border-stone-300 bg-white p-3 text-base aria-[invalid=true]:border-red-600"
      />
      <p id={`${id}-note`} className={`text-sm ${error ? "text-red-700" : "text-stone-600"}`}>
        {error ?? m.reasonHint}
      </p>
    </div>
  );
}
