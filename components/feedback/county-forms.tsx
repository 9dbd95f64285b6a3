"use client";

import { answerFeedbackAction, setFeedbackDaysAction } from "@/app/(admin)/admin/feedback/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { feedback } from "@/lib/messages/feedback";

export function AnswerForm({ feedbackId }: { feedbackId: number }) {
  return (
    <ActionForm action={answerFeedbackAction} success={(message) => message}>
      <input type="hidden" name="feedbackId" value={feedbackId} />
      <TextArea label={feedback.answer} name="answer" hint={feedback.answerHint} maxLength={2000} />
      <SubmitButton>{feedback.answerSubmit}</SubmitButton>
    </ActionForm>
  );
}

export function DeadlineForm({ days }: { days: number }) {
  return (
    <ActionForm action={setFeedbackDaysAction} success={(message) => message}>
      <Field
        label={feedback.days}
        name="days"
        hint={feedback.daysHint}
        inputMode="numeric"
        defaultValue={String(days)}
      />
      <SubmitButton variant="secondary">{feedback.daysSave}</SubmitButton>
    </ActionForm>
  );
}
