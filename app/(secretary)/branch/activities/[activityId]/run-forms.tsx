"use client";

import { CheckinMarkTags } from "@/components/checkin-mark-tags";
import { ActionForm } from "@/components/ui/action-form";
import { Tag } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkinMarks } from "@/lib/checkin-marks";
import { checkin } from "@/lib/messages/checkin";
import { checkinReview } from "@/lib/messages/checkin-review";
import { plans } from "@/lib/messages/plans";
import { run } from "@/lib/messages/run";
import { UPLOAD_ACCEPT } from "@/lib/upload-limit";
import { closeActivityAction, markStepAction } from "../actions";
import { proxyCheckinAction, reviewOfflineAction } from "../checkin-actions";
import { DuesTakeForm } from "./dues-take-form";
import { LeaveForForm } from "./leave-for-form";

export interface StepView {
  id: number;
  title: string;
  mandatory: boolean;
  done: boolean;
  note: string | null;
  evidenceId: number | null;
}

/** One agenda step: mark it done with an optional note and photo, or undo. */
export function StepItem({ step, editable }: { step: StepView; editable: boolean }) {
  return (
    <li className="py-3">
      <div className="flex items-center justify-between gap-2">
        <span className="font-medium">{step.title}</span>
        <span className="flex shrink-0 gap-1">
          {step.mandatory && <Tag tone="red">{plans.mandatory}</Tag>}
          {step.done ? <Tag tone="green">✓ {run.done}</Tag> : <Tag>{run.stepOpen}</Tag>}
        </span>
      </div>
      {step.note && <p className="mt-1 text-sm text-stone-700">{step.note}</p>}
      {step.evidenceId && (
        <a
          href={`/api/v1/uploads/${step.evidenceId}`}
          target="_blank"
          rel="noopener"
          className="mt-1 inline-block min-h-11 py-2 text-sm text-brand underline"
        >
          {run.viewEvidence}
        </a>
      )}
      {editable && (
        <ActionForm action={markStepAction} className="mt-2 space-y-2">
          <input type="hidden" name="stepId" value={step.id} />
          {step.done ? (
            <SubmitButton variant="secondary">{run.undo}</SubmitButton>
          ) : (
            <details className="rounded-lg bg-stone-50 p-2">
              <summary className="min-h-11 cursor-pointer py-2 text-brand">{run.markDone}</summary>
              <input type="hidden" name="done" value="on" />
              <div className="space-y-2 pt-2">
                <Field label={run.noteOptional} name="note" />
                <Field
                  label={run.evidence}
                  name="photo"
                  type="file"
                  accept={UPLOAD_ACCEPT}
                  capture="environment"
                  className="block w-full text-sm"
                />
                <SubmitButton>{run.markDone}</SubmitButton>
              </div>
            </details>
          )}
        </ActionForm>
      )}
    </li>
  );
}

export interface RosterView {
  memberId: number;
  name: string;
  outcome: "present" | "late" | "leave" | "absent" | null;
  duesFen: number | null;
  dueFen: number | null;
  source: string | null;
  checkinId: number | null;
  method: string | null;
  offline: boolean | null;
  review: string | null;
  dispute: string | null;
}

const tone = { present: "green", late: "amber", leave: "blue", absent: "red" } as const;

/** One expected member: their outcome, a proxy check-in for those without a phone, and dues once present. */
export function RosterItem({
  row,
  activityId,
  editable,
  collectsDues,
  canFileLeave = false,
}: {
  row: RosterView;
  activityId: number;
  editable: boolean;
  collectsDues: boolean;
  canFileLeave?: boolean;
}) {
  const here = row.outcome === "present" || row.outcome === "late";
  return (
    <li className="py-2">
      <div className="flex items-center justify-between gap-2">
        <span>{row.name}</span>
        <span className="flex shrink-0 flex-wrap justify-end gap-1">
          <CheckinMarkTags marks={checkinMarks(row)} />
          <Tag tone={row.outcome ? tone[row.outcome] : "stone"}>
            {row.outcome ? run.outcome[row.outcome] : run.notYet}
          </Tag>
        </span>
      </div>
      {editable && row.review === "pending" && row.checkinId && (
        <ReviewOffline checkinId={row.checkinId} name={row.name} />
      )}
      {editable && !row.outcome && (
        <details className="mt-1">
          <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand">{checkin.proxy}</summary>
          <ActionForm action={proxyCheckinAction} className="space-y-2">
            <input type="hidden" name="activityId" value={activityId} />
            <input type="hidden" name="memberId" value={row.memberId} />
            <Field label={`${row.name} ${checkin.proxyReason}`} name="reason" placeholder={checkin.proxyReasonHint} />
            <SubmitButton variant="secondary" aria-label={`${row.name} ${checkin.proxy}`}>
              {checkin.proxy}
            </SubmitButton>
          </ActionForm>
        </details>
      )}
      {canFileLeave && !row.outcome && <LeaveForForm activityId={activityId} memberId={row.memberId} name={row.name} />}
      {collectsDues && here && (
        <DuesTakeForm
          activityId={activityId}
          memberId={row.memberId}
          name={row.name}
          dueFen={row.dueFen}
          paidFen={row.duesFen}
          editable={editable}
        />
      )}
    </li>
  );
}

/** An offline check-in is confirmed (the member was there) or rejected before the activity can close. */
function ReviewOffline({ checkinId, name }: { checkinId: number; name: string }) {
  return (
    <div className="mt-1 grid grid-cols-2 gap-2">
      {(["confirm", "reject"] as const).map((decision) => (
        <ActionForm key={decision} action={reviewOfflineAction}>
          <input type="hidden" name="checkinId" value={checkinId} />
          <input type="hidden" name="decision" value={decision} />
          <SubmitButton variant="secondary" className="w-full" aria-label={`${name} ${checkinReview[decision]}`}>
            {checkinReview[decision]}
          </SubmitButton>
        </ActionForm>
      ))}
    </div>
  );
}

export function CloseForm({ activityId }: { activityId: number }) {
  return (
    <ActionForm action={closeActivityAction} success={() => run.closedOk}>
      <input type="hidden" name="activityId" value={activityId} />
      <SubmitButton>{run.close}</SubmitButton>
    </ActionForm>
  );
}
