"use client";

import { useEffect, useState } from "react";
import {
  declareBaseAction,
  recordPaymentAction,
  remindArrearsAction,
  revealBaseAction,
  reverseEntryAction,
} from "@/app/(secretary)/branch/dues-actions";
import { Reveal } from "@/components/reveal";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { yuan } from "@/lib/dues";
import { dues } from "@/lib/messages/dues";

/** Made in the browser after hydration: the server's render and the browser's would not agree on a random id. */
function useClientId() {
  const [clientId, setClientId] = useState("");
  useEffect(() => setClientId(crypto.randomUUID()), []);
  return clientId;
}

/** The base, from a month on: by the member on 我的, or by the secretary for them. */
export function DeclareBaseForm({ memberId, month, label }: { memberId: number; month: string; label: string }) {
  return (
    <ActionForm action={declareBaseAction} success={(message) => message} className="space-y-3">
      <input type="hidden" name="memberId" value={memberId} />
      <Select label={dues.baseKind} name="kind" options={dues.kinds} defaultValue="in_work" />
      <Field label={dues.base} name="base" inputMode="decimal" hint={dues.baseHint} />
      <Field label={dues.fromMonth} name="fromMonth" type="month" defaultValue={month} />
      <SubmitButton>{label}</SubmitButton>
    </ActionForm>
  );
}

/** A payment after the day, ahead for several months, or handed over by someone else (代缴). */
export function RecordPaymentForm({ memberId, name, month }: { memberId: number; name: string; month: string }) {
  const clientId = useClientId();
  return (
    <ActionForm action={recordPaymentAction} success={(message) => message} className="space-y-3">
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="memberId" value={memberId} />
      <Field label={dues.fromMonth} name="fromMonth" type="month" defaultValue={month} />
      <Field label={dues.months} name="months" type="number" min={1} max={12} defaultValue={1} inputMode="numeric" />
      <Field label={dues.amountPerMonth} name="amount" inputMode="decimal" />
      <Field label={dues.payerName} name="payerName" maxLength={30} />
      <Field label={dues.note} name="note" maxLength={200} />
      <SubmitButton aria-label={dues.recordFor(name)}>{dues.record}</SubmitButton>
    </ActionForm>
  );
}

export function ReverseForm({ entryId, month, amountFen }: { entryId: number; month: string; amountFen: number }) {
  const label = dues.reverseFor(month, yuan(amountFen));
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand">{dues.reverse}</summary>
      <ActionForm action={reverseEntryAction} success={(message) => message} className="space-y-2">
        <input type="hidden" name="entryId" value={entryId} />
        <Field label={`${label} ${dues.reverseReason}`} name="note" maxLength={200} />
        <SubmitButton variant="secondary" aria-label={label}>
          {dues.reverse}
        </SubmitButton>
      </ActionForm>
    </details>
  );
}

/** A masked base, and for those allowed a button that fetches it (audited on the server). */
export function RevealBase({ memberId, canReveal }: { memberId: number; canReveal: boolean }) {
  return (
    <Reveal
      action={revealBaseAction}
      field={["memberId", memberId]}
      masked={dues.masked}
      label={dues.showBase}
      canReveal={canReveal}
      show={(data) => (data.baseFen === null ? dues.fixedRate : dues.yuan(yuan(data.baseFen)))}
    />
  );
}

export function RemindForm({ branchId }: { branchId: number }) {
  return (
    <ActionForm action={remindArrearsAction} success={(message) => message}>
      <input type="hidden" name="branchId" value={branchId} />
      <SubmitButton variant="secondary">{dues.remind}</SubmitButton>
    </ActionForm>
  );
}
