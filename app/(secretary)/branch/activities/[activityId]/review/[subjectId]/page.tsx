import { notFound } from "next/navigation";
import { DecideForm, ProposeForm } from "@/components/review/review-forms";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { subjectForSecretary } from "@/db/queries/reviews";
import { reviewGrades } from "@/lib/enums";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.review.decide };

/** One member: self-assessment, the members' votes, the committee's proposal, the decision. */
export default async function ReviewDecisionPage({ params }: PageArgs<"activityId" | "subjectId">) {
  const { db, scope } = await pageContext();
  const raw = await params;
  const activityId = id.safeParse(raw.activityId);
  const subjectId = id.safeParse(raw.subjectId);
  if (!activityId.success || !subjectId.success) notFound();
  const { round, subject, tally, excellent, canDecide } = await pageData(
    subjectForSecretary(db, scope, subjectId.data),
  );
  if (round.activityId !== activityId.data) notFound();
  const counted = round.status === "counted";

  return (
    <>
      <PageHeader
        title={`${t.review.decide} · ${subject.name}`}
        back={`/branch/activities/${activityId.data}/review`}
      />
      <main className="space-y-4 p-4">
        <Card title={t.review.selfTitle}>
          <p className="whitespace-pre-line text-stone-800">{subject.selfAssessment ?? t.review.noSelf}</p>
        </Card>
        <Card title={t.review.votes}>
          {tally ? (
            <ul className="grid grid-cols-2 gap-2" data-testid="review-tally">
              {reviewGrades.map((g) => (
                <li key={g} className="rounded-lg bg-stone-50 p-2">
                  <span className="text-stone-600">{t.review.grade[g]}</span>{" "}
                  <span className="text-lg font-semibold">{tally[g]}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-stone-600">{t.review.tallyHidden}</p>
          )}
          <p className="mt-2 text-sm text-stone-600">{t.review.excellentUsed(excellent.taken, excellent.max)}</p>
        </Card>
        {subject.grade ? (
          <Card title={t.review.decided}>
            <p className="flex items-center gap-2">
              <Tag tone="red">{t.review.grade[subject.grade]}</Tag>
            </p>
            {subject.gradeReason && <p className="mt-2 text-stone-800">{subject.gradeReason}</p>}
          </Card>
        ) : counted && canDecide ? (
          <>
            <Card title={t.review.proposed}>
              <ProposeForm subjectId={subject.id} grade={subject.proposedGrade} reason={subject.proposedReason} />
            </Card>
            {subject.proposedGrade && (
              <Card title={t.review.decided}>
                <DecideForm subjectId={subject.id} proposed={subject.proposedGrade} />
              </Card>
            )}
          </>
        ) : (
          counted && (
            <Card>
              <p className="text-stone-700">
                {scope.userId === subject.memberId ? t.review.notOwn : t.review.noResult}
              </p>
            </Card>
          )
        )}
      </main>
    </>
  );
}
