"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkinReview } from "@/lib/messages/checkin-review";
import { settleDisputeAction } from "../../activities/checkin-actions";

/** Keep or remove a disputed proxy check-in, with a note the member is sent. */
export function SettleForm({ disputeId, name }: { disputeId: number; name: string }) {
  return (
    <ActionForm action={settleDisputeAction} className="mt-3 space-y-2" success={(message) => message}>
      <input type="hidden" name="disputeId" value={disputeId} />
      <Field label={`${name} ${checkinReview.settleNote}`} name="note" placeholder={checkinReview.settleNoteHint} />
      <div className="grid grid-cols-2 gap-2">
        <SubmitButton name="decision" value="keep" variant="secondary">
          {checkinReview.keep}
        </SubmitButton>
        <SubmitButton name="decision" value="remove">
          {checkinReview.remove}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
