import { EntryList } from "@/components/points/entry-list";
import { AppealForm } from "@/components/points/points-forms";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myPoints } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.nav.points };

/** The member's points: this year and this month, and every entry with its rule, reason and source. */
export default async function PointsPage() {
  const { db, scope } = await pageContext();
  const { year, yearTotal, monthTotal, entries, rank } = await pageData(myPoints(db, scope));
  return (
    <>
      <PageHeader title={t.nav.points} />
      <main className="space-y-4 p-4">
        <Card>
          <dl className="grid grid-cols-2 gap-2 text-center">
            <div className="rounded-lg bg-stone-50 p-3">
              <dt className="text-sm text-stone-600">{t.points.yearTotal(year)}</dt>
              <dd className="text-3xl font-semibold" data-testid="year-total">
                {yearTotal}
              </dd>
            </div>
            <div className="rounded-lg bg-stone-50 p-3">
              <dt className="text-sm text-stone-600">{t.points.monthTotal}</dt>
              <dd className="text-3xl font-semibold">{monthTotal}</dd>
            </div>
          </dl>
          {rank && <p className="mt-3 text-center text-stone-700">{t.points.rank(rank.position, rank.of)}</p>}
        </Card>
        {entries.length === 0 ? (
          <EmptyState>{t.points.noEntries}</EmptyState>
        ) : (
          <Card title={t.points.entries}>
            <EntryList rows={entries}>
              {(e) =>
                !e.reversesId &&
                !e.reversed &&
                e.appealStatus !== "pending" && <AppealForm entryId={e.id} what={e.reason} />
              }
            </EntryList>
          </Card>
        )}
      </main>
    </>
  );
}
