"use client";

import { changeRuleAction } from "@/app/(admin)/admin/points/actions";
import { appealAction } from "@/app/(member)/points/actions";
import { answerAppealAction, manualEntryAction, reverseEntryAction } from "@/app/(secretary)/branch/points-actions";
import { common } from "@/lib/messages/common";
import { points } from "@/lib/messages/points";
import { run } from "@/lib/messages/run";
import { type Action, ActionForm } from "../ui/action-form";
import { Field, Select } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

/** A number of points, in half-point steps, typed on the phone's decimal pad. */
const halfPoints = { type: "number", inputMode: "decimal", step: "0.5" } as const;

/** A form folded under a summary line, for the actions a list row offers. */
function Folded({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 text-brand">{label}</summary>
      {children}
    </details>
  );
}

/** A folded form that acts on one ledger entry with a reason (the appeal, the reversal). */
function EntryReasonForm<T extends string>({
  action,
  entryId,
  what,
  label,
  reasonLabel,
  variant,
  children,
}: {
  action: Action<T>;
  entryId: number;
  what: string;
  label: string;
  reasonLabel: string;
  variant: "secondary" | "danger";
  children?: React.ReactNode;
}) {
  return (
    <Folded label={label}>
      <ActionForm action={action} success={(message) => message} className="space-y-2">
        <input type="hidden" name="entryId" value={entryId} />
        {children}
        <Field label={reasonLabel} name="reason" aria-label={`${reasonLabel}：${what}`} maxLength={500} />
        <SubmitButton variant={variant}>{label}</SubmitButton>
      </ActionForm>
    </Folded>
  );
}

export function AppealForm({ entryId, what }: { entryId: number; what: string }) {
  return (
    <EntryReasonForm
      action={appealAction}
      entryId={entryId}
      what={what}
      label={points.appeal}
      reasonLabel={points.appealReason}
      variant="secondary"
    />
  );
}

/** Reverse an entry; for an attendance entry, correct the outcome instead (its points follow). */
export function ReverseForm({
  entryId,
  what,
  attendance = false,
}: {
  entryId: number;
  what: string;
  attendance?: boolean;
}) {
  return (
    <EntryReasonForm
      action={reverseEntryAction}
      entryId={entryId}
      what={what}
      label={attendance ? points.correctAttendance : points.reverse}
      reasonLabel={points.reverseReason}
      variant="danger"
    >
      {attendance && (
        <Select
          label={points.correctedOutcome}
          name="outcome"
          required
          options={{ present: run.outcome.present, late: run.outcome.late, absent: run.outcome.absent }}
        />
      )}
    </EntryReasonForm>
  );
}

export function ManualEntryForm({ memberId }: { memberId: number }) {
  return (
    <ActionForm action={manualEntryAction} success={(message) => message} resetOnSuccess>
      <input type="hidden" name="memberId" value={memberId} />
      <Field label={points.manualPoints} name="points" {...halfPoints} min={-100} max={100} />
      <Field label={points.manualReason} name="reason" maxLength={500} />
      <SubmitButton>{points.manual}</SubmitButton>
    </ActionForm>
  );
}

export function AnswerAppealForm({ appealId, name }: { appealId: number; name: string }) {
  return (
    <ActionForm action={answerAppealAction} success={(message) => message} className="space-y-2">
      <input type="hidden" name="appealId" value={appealId} />
      <Field label={points.answer} name="answer" aria-label={`${name} ${points.answer}`} maxLength={500} />
      <SubmitButton variant="secondary">{points.answer}</SubmitButton>
    </ActionForm>
  );
}

/** A new version of one rule: its points (and cap, where it has one) from a day on. */
export function RuleForm({
  code,
  points: current,
  cap,
  capped,
  today,
}: {
  code: string;
  points: number;
  cap: number | null;
  capped: boolean;
  today: string;
}) {
  const label = points.rules[code];
  return (
    <Folded label={points.newVersion}>
      <ActionForm action={changeRuleAction} success={(message) => message} className="space-y-2">
        <input type="hidden" name="code" value={code} />
        <Field
          label={points.manualPoints}
          name="points"
          {...halfPoints}
          defaultValue={current}
          aria-label={points.pointsOf(label)}
        />
        {capped && (
          <Field
            label={points.cap}
            name="cap"
            {...halfPoints}
            min={0.5}
            defaultValue={cap ?? ""}
            aria-label={`${label} ${points.cap}`}
          />
        )}
        <Field
          label={points.effectiveFrom}
          name="effectiveFrom"
          type="date"
          defaultValue={today}
          min={today}
          aria-label={`${label} ${points.effectiveFrom}`}
        />
        <SubmitButton variant="secondary">{common.submit}</SubmitButton>
      </ActionForm>
    </Folded>
  );
}
