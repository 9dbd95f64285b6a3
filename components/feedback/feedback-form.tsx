"use client";

import { useState } from "react";
import { sendFeedbackAction, sendPublicFeedbackAction } from "@/app/(auth)/feedback/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { groupedReceipt } from "@/lib/feedback";
import { feedback } from "@/lib/messages/feedback";

/**
 * A complaint or suggestion; signed out, it also takes an optional contact and ends with the receipt code.
 * No file, no location: only what the county needs to read and answer it.
 */
export function FeedbackForm({ signedIn, branches }: { signedIn: boolean; branches: { id: number; name: string }[] }) {
  const [subject, setSubject] = useState<"app" | "branch">("app");
  return (
    <ActionForm
      action={signedIn ? sendFeedbackAction : sendPublicFeedbackAction}
      resetOnSuccess
      success={(sent) => (
        <div className="space-y-2">
          <p>{feedback.sent}</p>
          {!signedIn && (
            <>
              <p className="font-medium">{feedback.receiptTitle}</p>
              <p className="font-mono text-2xl tracking-wider" data-testid="feedback-receipt">
                {groupedReceipt(sent.receipt)}
              </p>
              <p className="text-sm">{feedback.receiptHint}</p>
            </>
          )}
        </div>
      )}
    >
      <Select label={feedback.kind} name="kind" options={feedback.kinds} defaultValue="suggestion" />
      <Select
        label={feedback.subject}
        name="subject"
        options={feedback.subjects}
        value={subject}
        onChange={(e) => setSubject(e.target.value as "app" | "branch")}
      />
      {subject === "branch" && (
        <Select
          label={feedback.branch}
          name="branchId"
          options={{ "": feedback.branchPick, ...Object.fromEntries(branches.map((b) => [String(b.id), b.name])) }}
          defaultValue=""
        />
      )}
      <TextArea label={feedback.body} name="body" hint={feedback.bodyHint} maxLength={2000} rows={6} />
      <div>
        <Checkbox label={feedback.anonymous} name="anonymous" />
        <p className="text-sm text-stone-600">{feedback.anonymousHint}</p>
      </div>
      {!signedIn && <Field label={feedback.contact} name="contact" hint={feedback.contactHint} maxLength={60} />}
      <SubmitButton>{feedback.send}</SubmitButton>
    </ActionForm>
  );
}
