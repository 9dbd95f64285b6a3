import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { leaveFormFor } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull } from "@/lib/time";
import { id } from "@/lib/validation/fields";
import { LeaveForm } from "./leave-form";

export const metadata = { title: t.leave.askTitle };

/** Asking for leave from one activity (?activityId=), or after its start giving the reason for not coming. */
export default async function NewLeavePage({ searchParams }: { searchParams: Promise<{ activityId?: string }> }) {
  const { db, scope } = await pageContext();
  const activityId = id.safeParse((await searchParams).activityId);
  if (!activityId.success) notFound();
  const { activity, window, expected, here, liveId } = await pageData(leaveFormFor(db, scope, activityId.data));
  const refusal = liveId
    ? t.leave.alreadyOpen
    : window === "closed"
      ? t.leave.closed
      : !expected
        ? t.leave.notExpected
        : here
          ? t.leave.alreadyHere
          : null;

  return (
    <>
      <PageHeader
        title={window === "late" ? t.leave.lateTitle : t.leave.askTitle}
        back={`/activities/${activity.id}`}
      />
      <main className="space-y-4 p-4">
        <Card>
          <p className="text-sm text-stone-600">{t.leave.activity}</p>
          <p className="font-medium">{activity.title}</p>
          <p className="text-stone-700">{formatFull(activity.startsAt)}</p>
        </Card>
        {refusal ? (
          <Card>
            <p className="text-stone-800">{refusal}</p>
            {liveId && (
              <ButtonLink href={`/leave/${liveId}`} variant="secondary" className="mt-3 w-full">
                {t.leave.viewMine}
              </ButtonLink>
            )}
          </Card>
        ) : (
          <Card>
            <p className={`mb-4 text-sm ${window === "late" ? "text-amber-800" : "text-stone-600"}`}>
              {window === "late" ? t.leave.lateHint : t.leave.openHint}
            </p>
            {/* One id per visit to this page: a second tap or a retry after a lost answer is the same request. */}
            <LeaveForm activityId={activity.id} clientId={randomUUID()} late={window === "late"} />
          </Card>
        )}
      </main>
    </>
  );
}
