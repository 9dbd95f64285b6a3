"use client";

import { disputeCheckinAction } from "@/app/(member)/activities/dispute-actions";
import { checkin } from "@/lib/messages/checkin";
import { ActionForm } from "./ui/action-form";
import { Field } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

/** A member says a proxy check-in made for them is wrong. */
export function DisputeForm({ checkinId }: { checkinId: number }) {
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 text-brand">{checkin.dispute}</summary>
      <ActionForm action={disputeCheckinAction} success={() => checkin.disputed}>
        <input type="hidden" name="checkinId" value={checkinId} />
        <Field label={checkin.disputeReason} name="reason" />
        <SubmitButton variant="secondary">{checkin.dispute}</SubmitButton>
      </ActionForm>
    </details>
  );
}
