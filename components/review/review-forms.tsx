"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { setReviewShareAction } from "@/app/(admin)/admin/review-actions";
import { castBallotAction, saveSelfAssessmentAction } from "@/app/(member)/activities/review-actions";
import {
  countRoundAction,
  decideGradeAction,
  proposeGradeAction,
} from "@/app/(secretary)/branch/activities/review-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ReviewGrade, reviewGrades } from "@/lib/enums";
import { review } from "@/lib/messages/review";
import { REASON_MAX, SELF_MAX } from "@/lib/review";

/** 民主评议 forms (docs/architecture.md#member-review): the member's self-assessment and ballot, the committee's. */

export function SelfAssessmentForm({ roundId, text }: { roundId: number; text: string | null }) {
  return (
    <ActionForm action={saveSelfAssessmentAction} success={(message) => message}>
      <input type="hidden" name="roundId" value={roundId} />
      <TextArea label={review.selfLabel} name="text" rows={6} maxLength={SELF_MAX} defaultValue={text ?? ""} />
      <SubmitButton>{review.selfSave}</SubmitButton>
    </ActionForm>
  );
}

/** One radio group per member; the whole sheet is sent once, and the server takes it once. */
export function BallotForm({
  roundId,
  activityId,
  others,
}: {
  roundId: number;
  activityId: number;
  others: { id: number; name: string }[];
}) {
  const router = useRouter();
  const back = useCallback(() => router.push(`/activities/${activityId}/review`), [router, activityId]);
  return (
    <ActionForm action={castBallotAction} onSuccess={back}>
      <input type="hidden" name="roundId" value={roundId} />
      <ul className="divide-y divide-stone-100 rounded-xl bg-white px-4">
        {others.map((o) => (
          <li key={o.id}>
            <fieldset className="py-3">
              <legend className="font-medium">{o.name}</legend>
              <div className="mt-2 grid grid-cols-2 gap-2">
                {reviewGrades.map((g) => (
                  <label
                    key={g}
                    className="flex min-h-11 items-center gap-2 rounded-lg px-3 ring-1 ring-stone-300 has-checked:bg-red-50 has-checked:ring-brand"
                  >
                    <input type="radio" name={`grade-${o.id}`} value={g} required className="size-5" />
                    {review.grade[g]}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
      <SubmitButton>{review.voteSubmit}</SubmitButton>
    </ActionForm>
  );
}

export function CountForm({ roundId }: { roundId: number }) {
  return (
    <ActionForm action={countRoundAction}>
      <input type="hidden" name="roundId" value={roundId} />
      <SubmitButton>{review.close}</SubmitButton>
    </ActionForm>
  );
}

const gradeOptions = Object.fromEntries(reviewGrades.map((g) => [g, review.grade[g]])) as Record<ReviewGrade, string>;

function GradeFields({ label, grade, reason }: { label: string; grade?: ReviewGrade | null; reason?: string | null }) {
  return (
    <>
      <Select label={label} name="grade" options={gradeOptions} defaultValue={grade ?? "qualified"} />
      <TextArea
        label={review.reasonLabel}
        hint={review.reasonHint}
        name="reason"
        rows={3}
        maxLength={REASON_MAX}
        defaultValue={reason ?? ""}
      />
    </>
  );
}

export function ProposeForm({
  subjectId,
  grade,
  reason,
}: {
  subjectId: number;
  grade: ReviewGrade | null;
  reason: string | null;
}) {
  return (
    <ActionForm action={proposeGradeAction} success={(message) => message}>
      <input type="hidden" name="subjectId" value={subjectId} />
      <GradeFields label={review.proposeLabel} grade={grade} reason={reason} />
      <SubmitButton>{review.propose}</SubmitButton>
    </ActionForm>
  );
}

export function DecideForm({ subjectId, proposed }: { subjectId: number; proposed: ReviewGrade }) {
  return (
    <ActionForm action={decideGradeAction}>
      <input type="hidden" name="subjectId" value={subjectId} />
      <GradeFields label={review.decideLabel} grade={proposed} />
      <SubmitButton>{review.decideSubmit}</SubmitButton>
    </ActionForm>
  );
}

/** The county admin's 优秀 share, as numerator over denominator. */
export function ReviewShareForm({ numerator, denominator }: { numerator: number; denominator: number }) {
  return (
    <ActionForm action={setReviewShareAction} success={(message) => message} className="space-y-2">
      <p className="text-stone-700">{review.shareNow(numerator, denominator)}</p>
      <p className="text-sm text-stone-600">{review.shareHint}</p>
      <div className="grid grid-cols-2 gap-2">
        <Field
          label={review.shareNumeratorLabel}
          name="numerator"
          type="number"
          inputMode="numeric"
          defaultValue={numerator}
        />
        <Field
          label={review.shareDenominatorLabel}
          name="denominator"
          type="number"
          inputMode="numeric"
          defaultValue={denominator}
        />
      </div>
      <SubmitButton variant="secondary">{review.shareSave}</SubmitButton>
    </ActionForm>
  );
}
