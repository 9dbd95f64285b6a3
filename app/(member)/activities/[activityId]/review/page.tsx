import { notFound } from "next/navigation";
import { SelfAssessmentForm } from "@/components/review/review-forms";
import { ButtonLink } from "@/components/ui/button";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roundForMember } from "@/db/queries/reviews";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.review.mine };

/** The member's 民主评议: self-assessment, then the ballot, then the result (docs/architecture.md#member-review). */
export default async function MemberReviewPage({ params }: { params: Promise<{ activityId: string }> }) {
  const { db, scope } = await pageContext();
  const activityId = id.safeParse((await params).activityId);
  if (!activityId.success) notFound();
  const mine = await pageData(roundForMember(db, scope, activityId.data));
  if (!mine) notFound();
  const voting = mine.round.status === "voting";

  return (
    <>
      <PageHeader title={t.review.mine} back={`/activities/${activityId.data}`} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone="red">{t.review.year(mine.round.year)}</Tag>
            <Tag tone={voting ? "blue" : "stone"}>{t.review.status[mine.round.status]}</Tag>
          </p>
        </Card>
        {!mine.onList ? (
          <Card>
            <p className="text-stone-700">{t.review.notInRound}</p>
          </Card>
        ) : (
          <>
            <Card title={`1. ${t.review.selfTitle}`}>
              {voting ? (
                <SelfAssessmentForm roundId={mine.round.id} text={mine.selfAssessment} />
              ) : (
                <p className="whitespace-pre-line text-stone-800">{mine.selfAssessment ?? t.review.selfMissing}</p>
              )}
            </Card>
            <Card title={`2. ${t.review.voteTitle}`}>
              {mine.hasVoted ? (
                <p className="text-green-800">✓ {t.review.voted}</p>
              ) : voting ? (
                <>
                  <p className="mb-3 text-sm text-stone-700">{t.review.voteHint}</p>
                  <ButtonLink href={`/activities/${activityId.data}/review/vote`} className="w-full">
                    {t.review.voteStart}
                  </ButtonLink>
                </>
              ) : (
                <p className="text-stone-700">{t.review.votingClosed}</p>
              )}
            </Card>
            <Card title={`3. ${t.review.myResult}`}>
              {mine.result ? (
                <>
                  <p className="text-xl font-semibold">{t.review.grade[mine.result.grade]}</p>
                  {mine.result.reason && <p className="mt-1 text-stone-700">{mine.result.reason}</p>}
                </>
              ) : (
                <p className="text-stone-600">{t.review.noResult}</p>
              )}
            </Card>
          </>
        )}
      </main>
    </>
  );
}
