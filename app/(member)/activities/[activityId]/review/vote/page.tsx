import { notFound, redirect } from "next/navigation";
import { BallotForm } from "@/components/review/review-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { roundForMember } from "@/db/queries/reviews";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.review.voteTitle };

/** The ballot: every other member on the list, one grade each, sent once (docs/architecture.md#member-review). */
export default async function BallotPage({ params }: { params: Promise<{ activityId: string }> }) {
  const { db, scope } = await pageContext();
  const activityId = id.safeParse((await params).activityId);
  if (!activityId.success) notFound();
  const mine = await pageData(roundForMember(db, scope, activityId.data));
  if (!mine?.onList) notFound();
  if (mine.hasVoted || mine.round.status !== "voting") redirect(`/activities/${activityId.data}/review`);

  return (
    <>
      <PageHeader title={t.review.voteTitle} back={`/activities/${activityId.data}/review`} />
      <main className="space-y-4 p-4">
        <Card>
          {mine.voterName && <p className="font-medium">{t.review.voteAs(mine.voterName)}</p>}
          <p className="mt-1 text-sm text-stone-700">{t.review.voteHint}</p>
        </Card>
        <BallotForm roundId={mine.round.id} activityId={activityId.data} others={mine.others} />
      </main>
    </>
  );
}
