"use client";

import {
  confirmAwayReportAction,
  endAwayAction,
  recordEventAction,
  startAwayAction,
} from "@/app/(secretary)/branch/transfer-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { membership } from "@/lib/messages/membership";

/** 转正, death, 出党 or a transfer out of the county, with its date and what it rests on. */
export function MemberEventForm({ memberId, probationary }: { memberId: number; probationary: boolean }) {
  const { made_full, died, left_party, transferred_out } = membership.eventKind;
  const kinds: Record<string, string> = probationary
    ? { made_full, died, left_party, transferred_out }
    : { died, left_party, transferred_out };
  return (
    <ActionForm action={recordEventAction} success={() => membership.recorded}>
      <input type="hidden" name="memberId" value={memberId} />
      <Select label={membership.events} name="kind" options={kinds} />
      <Field label={membership.effectiveOnLabel} name="effectiveOn" type="date" required />
      <Field label={membership.referenceLabel} name="reference" maxLength={200} required />
      <Field label={membership.counterpartLabel} name="counterpart" maxLength={200} />
      <SubmitButton variant="secondary">{membership.record}</SubmitButton>
    </ActionForm>
  );
}

export function StartAwayForm({ memberId }: { memberId: number }) {
  return (
    <ActionForm action={startAwayAction}>
      <input type="hidden" name="memberId" value={memberId} />
      <Field label={membership.place} name="place" maxLength={100} required />
      <Field label={membership.hostOrg} name="hostOrg" maxLength={100} />
      <Field label={membership.contact} name="contact" maxLength={100} />
      <Field label={membership.untilLabel} name="until" type="date" required />
      <SubmitButton variant="secondary">{membership.awayStart}</SubmitButton>
    </ActionForm>
  );
}

export function EndAwayForm({ memberId }: { memberId: number }) {
  return (
    <ActionForm action={endAwayAction}>
      <input type="hidden" name="memberId" value={memberId} />
      <SubmitButton variant="secondary">{membership.awayEnd}</SubmitButton>
    </ActionForm>
  );
}

export function ConfirmAwayReportForm({ reportId }: { reportId: number }) {
  return (
    <ActionForm action={confirmAwayReportAction}>
      <input type="hidden" name="reportId" value={reportId} />
      <SubmitButton variant="secondary">{membership.confirm}</SubmitButton>
    </ActionForm>
  );
}
