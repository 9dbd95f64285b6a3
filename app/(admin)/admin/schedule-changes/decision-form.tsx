"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { scheduleChange } from "@/lib/messages/schedule-change";
import { decideChangeAction } from "./actions";

/** The committee says 同意/退回, the county 批准/驳回; the button pressed is the decision. */
export function DecisionForm({ changeId, level }: { changeId: number; level: "committee" | "county" }) {
  const [yes, no] = level === "committee" ? (["endorse", "return"] as const) : (["approve", "reject"] as const);
  return (
    <ActionForm
      action={decideChangeAction}
      success={(message) => message}
      className="mt-3 space-y-3 border-t border-stone-100 pt-3"
    >
      <input type="hidden" name="changeId" value={changeId} />
      <Field label={scheduleChange.comment} name="comment" hint={scheduleChange.commentHint} maxLength={500} />
      <div className="grid grid-cols-2 gap-2">
        <SubmitButton name="decision" value={yes}>
          {scheduleChange[yes]}
        </SubmitButton>
        <SubmitButton name="decision" value={no} variant="danger">
          {scheduleChange[no]}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
