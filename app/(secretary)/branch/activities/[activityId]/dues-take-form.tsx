"use client";

import { useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { yuan } from "@/lib/dues";
import { dues } from "@/lib/messages/dues";
import { run } from "@/lib/messages/run";
import { recordDuesAction } from "../actions";

/**
 * The theme day's dues step for one member who is there: one tap takes what is due this month; another
 * amount (more, or less with the reason) behind "其他金额". The client id is made once per form, so a second tap
 * or a retry is the same payment. A mistake is reversed on the member's dues page, never edited here.
 */
export function DuesTakeForm({
  activityId,
  memberId,
  name,
  dueFen,
  paidFen,
  editable,
}: {
  activityId: number;
  memberId: number;
  name: string;
  dueFen: number | null;
  paidFen: number | null;
  editable: boolean;
}) {
  const [clientId, setClientId] = useState("");
  useEffect(() => setClientId(crypto.randomUUID()), []);
  if (paidFen !== null) return <p className="text-sm text-stone-600">{dues.paidAtActivity(yuan(paidFen))}</p>;
  if (!editable) return null;
  if (dueFen === null) return <p className="text-sm text-stone-600">{`${run.dues} ${dues.noBaseShort}`}</p>;
  return (
    <div className="mt-1 space-y-1">
      <ActionForm action={recordDuesAction} success={(message) => message}>
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="activityId" value={activityId} />
        <input type="hidden" name="memberId" value={memberId} />
        <SubmitButton variant="secondary" className="min-h-11 w-full" aria-label={dues.takeDue(name, yuan(dueFen))}>
          {dues.take(yuan(dueFen))}
        </SubmitButton>
      </ActionForm>
      <details>
        <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand">{dues.otherAmount}</summary>
        <ActionForm action={recordDuesAction} success={(message) => message} className="space-y-2">
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="activityId" value={activityId} />
          <input type="hidden" name="memberId" value={memberId} />
          <Field label={run.duesAmount(name)} name="amount" inputMode="decimal" />
          <Field label={`${name} ${dues.note}`} name="note" maxLength={200} />
          <SubmitButton variant="secondary" aria-label={`${name} ${dues.otherAmount}`}>
            {dues.record}
          </SubmitButton>
        </ActionForm>
      </details>
    </div>
  );
}
