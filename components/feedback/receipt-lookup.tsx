"use client";

import { lookupReceiptAction } from "@/app/(auth)/feedback/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { feedback } from "@/lib/messages/feedback";

/** A signed-out sender types their receipt code and reads the status and answer. */
export function ReceiptLookup() {
  return (
    <ActionForm
      action={lookupReceiptAction}
      onSuccess={() => {}}
      success={(found) => (
        <div className="space-y-1 text-stone-900">
          <p className="font-medium">
            {feedback.kinds[found.kind]} · {feedback.status[found.status]}
            {found.overdue ? ` · ${feedback.overdue}` : ""}
          </p>
          <p className="whitespace-pre-wrap">{found.body}</p>
          <p className="font-medium">{feedback.answer}</p>
          <p className="whitespace-pre-wrap" data-testid="feedback-answer">
            {found.answer ?? feedback.noAnswerYet}
          </p>
        </div>
      )}
    >
      <Field label={feedback.receipt} name="receipt" autoComplete="off" autoCapitalize="characters" maxLength={20} />
      <SubmitButton variant="secondary">{feedback.lookup}</SubmitButton>
    </ActionForm>
  );
}
