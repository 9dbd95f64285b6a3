import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { openDisputes } from "@/db/queries/checkin-review";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";
import { SettleForm } from "./settle-form";

export const metadata = { title: t.checkinReview.disputes };

/** The branch's disputed proxy check-ins, oldest first, each settled here (keep or remove, with a note). */
export default async function DisputesPage({ params }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const disputes = await pageData(openDisputes(db, scope, branchId));
  return (
    <>
      <PageHeader title={t.checkinReview.disputes} back={`/branch/${branchId}`} />
      <main className="space-y-3 p-4">
        {disputes.length === 0 ? (
          <EmptyState>{t.checkinReview.noDisputes}</EmptyState>
        ) : (
          disputes.map((d) => (
            <Card key={d.id} title={d.activityTitle}>
              <p className="text-sm text-stone-600">{formatWhen(d.startsAt)}</p>
              <p className="mt-2 font-medium">{t.checkinReview.disputeBy(d.memberName)}</p>
              <p className="text-stone-800">{d.reason}</p>
              {d.proxyReason && (
                <p className="mt-1 text-sm text-stone-600">{t.checkinReview.proxyWas(d.proxyReason)}</p>
              )}
              <SettleForm disputeId={d.id} name={d.memberName} />
            </Card>
          ))
        )}
      </main>
    </>
  );
}
