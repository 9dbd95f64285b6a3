"use client";

import { correctHoursAction, decideHoursAction, decideReportAction } from "@/app/(grid)/grid/actions";
import { community } from "@/lib/messages/community";
import { ActionForm } from "../ui/action-form";
import { Field } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";
import { HoursField } from "./hours-field";

/** Confirm a member's report, or return it with a reason (the reason field is only needed for returning). */
export function DecideReportForm({ reportId, name }: { reportId: number; name: string }) {
  return (
    <ActionForm action={decideReportAction} success={(message) => message} className="space-y-2">
      <input type="hidden" name="reportId" value={reportId} />
      <Field
        label={community.returnReason}
        name="comment"
        hint={community.returnReasonRequired}
        aria-label={`${name} ${community.returnReason}`}
      />
      <div className="grid grid-cols-2 gap-2">
        <SubmitButton name="decision" value="confirm" aria-label={`${name} ${community.confirm}`}>
          {community.confirm}
        </SubmitButton>
        <SubmitButton name="decision" value="return" variant="danger" aria-label={`${name} ${community.return}`}>
          {community.return}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Answer a member's own entry: confirm as is, confirm with other hours, or reject with a reason. */
export function DecideHoursForm({ hoursId, name, hours }: { hoursId: number; name: string; hours: string }) {
  return (
    <ActionForm action={decideHoursAction} success={(message) => message} className="space-y-2">
      <input type="hidden" name="hoursId" value={hoursId} />
      <div className="grid grid-cols-2 gap-2">
        <HoursField defaultValue={hours} label={`${name} ${community.hoursLabel}`} />
        <Field label={community.comment} name="comment" aria-label={`${name} ${community.comment}`} />
      </div>
      <div className="grid grid-cols-3 gap-2">
        <SubmitButton name="decision" value="confirm" aria-label={`${name} ${community.confirmHours}`}>
          {community.confirmHours}
        </SubmitButton>
        <SubmitButton
          name="decision"
          value="adjust"
          variant="secondary"
          aria-label={`${name} ${community.adjustHours}`}
        >
          {community.adjustHours}
        </SubmitButton>
        <SubmitButton name="decision" value="reject" variant="danger" aria-label={`${name} ${community.rejectHours}`}>
          {community.rejectHours}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Correct a confirmed entry: a new entry with the right hours supersedes it, with the reason. */
export function CorrectHoursForm({ hoursId, name, hours }: { hoursId: number; name: string; hours: string }) {
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 text-brand">{community.correct}</summary>
      <ActionForm action={correctHoursAction} success={(message) => message} className="space-y-2">
        <input type="hidden" name="hoursId" value={hoursId} />
        <p className="text-sm text-stone-600">{community.correctHint}</p>
        <HoursField defaultValue={hours} label={`${name} ${community.hoursLabel}`} />
        <Field label={community.correctReason} name="comment" aria-label={`${name} ${community.correctReason}`} />
        <SubmitButton variant="secondary">{community.correct}</SubmitButton>
      </ActionForm>
    </details>
  );
}
