import { EntryList } from "@/components/points/entry-list";
import { ManualEntryForm, ReverseForm } from "@/components/points/points-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { memberLedger } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.points.entries };

/** One member's ledger, for the secretary to correct: reverse an entry or add a manual one, with a reason. */
export default async function MemberLedgerPage({ params }: PageArgs<"branchId" | "memberId">) {
  const { db, scope } = await pageContext();
  const memberId = await pageId(params, "memberId");
  const { member, year, yearTotal, entries } = await pageData(memberLedger(db, scope, memberId));
  return (
    <>
      <PageHeader title={member.name} back={`/branch/${member.branchId}/points`} />
      <main className="space-y-4 p-4">
        <Card
          title={t.points.manual}
          action={<span className="text-stone-700">{`${t.points.yearTotal(year)} ${yearTotal}`}</span>}
        >
          <ManualEntryForm memberId={member.id} />
        </Card>
        <Card title={t.points.entries}>
          {entries.length === 0 ? (
            <p className="text-stone-600">{t.points.noEntries}</p>
          ) : (
            <EntryList rows={entries}>
              {(e) =>
                !e.reversesId &&
                !e.reversed && <ReverseForm entryId={e.id} what={e.reason} attendance={e.sourceType === "attendance"} />
              }
            </EntryList>
          )}
        </Card>
      </main>
    </>
  );
}
