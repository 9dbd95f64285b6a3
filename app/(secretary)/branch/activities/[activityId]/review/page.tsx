import Link from "next/link";
import { notFound } from "next/navigation";
import { CountForm } from "@/components/review/review-forms";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roundForSecretary } from "@/db/queries/reviews";
import { reviewGrades } from "@/lib/enums";
import { t } from "@/lib/messages";
import { MIN_BALLOTS } from "@/lib/review";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.review.round };

/**
 * The secretary's round: who has written and who has voted (never what), the counters only once counted,
 * then each member's proposal and decision (docs/architecture.md#member-review).
 */
export default async function ReviewRoundPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = id.safeParse((await params).activityId);
  if (!activityId.success) notFound();
  const view = await pageData(roundForSecretary(db, scope, activityId.data));
  const { round } = view;
  const of = view.subjects.length;
  const counted = round.status === "counted";
  const decided = view.subjects.filter((s) => s.grade).length;

  return (
    <>
      <PageHeader title={t.review.round} back={`/branch/activities/${activityId.data}`} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone="red">{t.review.year(round.year)}</Tag>
            <Tag tone={counted ? "stone" : "blue"}>{t.review.status[round.status]}</Tag>
          </p>
          <p className="mt-2 text-lg font-medium" data-testid="review-progress">
            {t.review.progress(view.voted, of)}
          </p>
          <p className="text-stone-700">{t.review.selfProgress(view.selfAssessed, of)}</p>
          <p className="text-stone-700">{t.review.excellentLimit(view.maxExcellent, of)}</p>
          {counted && (
            <p className="text-stone-700">
              {t.review.decided} {decided}/{of}
            </p>
          )}
          {!counted && <p className="mt-2 text-sm text-stone-600">{t.review.tallyHidden}</p>}
          {!counted && view.canManage && (
            <div className="mt-3">
              {view.voted < MIN_BALLOTS && (
                <p className="mb-2 text-sm text-amber-800">{t.review.tooFewBallots(MIN_BALLOTS)}</p>
              )}
              <CountForm roundId={round.id} />
            </div>
          )}
        </Card>

        <Card title={counted ? t.review.closed : t.review.round}>
          <ul className="divide-y divide-stone-100">
            {view.subjects.map((s) => (
              <li key={s.id} className="py-2">
                <Link
                  href={`/branch/activities/${activityId.data}/review/${s.id}`}
                  className="flex min-h-11 flex-wrap items-center justify-between gap-2"
                >
                  <span className="font-medium">{s.name}</span>
                  <span className="flex flex-wrap gap-1">
                    {!counted && (
                      <Tag tone={s.voted ? "green" : "amber"}>{s.voted ? t.review.votedOk : t.review.notVoted}</Tag>
                    )}
                    {!counted && !s.selfAssessment && <Tag>{t.review.noSelf}</Tag>}
                    {s.proposedGrade && (
                      <Tag tone="blue">
                        {t.review.proposed} {t.review.grade[s.proposedGrade]}
                      </Tag>
                    )}
                    {s.grade && (
                      <Tag tone="red">
                        {t.review.decided} {t.review.grade[s.grade]}
                      </Tag>
                    )}
                  </span>
                </Link>
                {s.tally && (
                  <p className="text-sm text-stone-700">
                    {reviewGrades.map((g) => `${t.review.grade[g]} ${s.tally![g]}`).join(" · ")}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </Card>
      </main>
    </>
  );
}
