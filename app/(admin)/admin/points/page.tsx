import Link from "next/link";
import { PeriodNav } from "@/components/period-nav";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { bulletinRollup } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { percent } from "@/lib/points";
import { pageData } from "@/lib/page-data";
import { isCountyAdmin } from "@/lib/permissions";
import { pageContext } from "@/lib/session";
import { monthOf, shiftMonth } from "@/lib/time";
import { monthQuery } from "@/lib/validation/points";

export const metadata = { title: t.points.bulletin };

const m = t.points;

/** The monthly bulletin per branch, for the committee (its branches) or the county (every branch). */
export default async function PointsRollupPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, scope } = await pageContext();
  const month = monthQuery.parse(await searchParams).month ?? monthOf(new Date());
  const rows = await pageData(bulletinRollup(db, scope, month));
  const href = (x: string) => `/admin/points?month=${x}`;
  return (
    <>
      <PageHeader title={m.bulletin} back="/admin" />
      <main className="space-y-3 p-4">
        <PeriodNav label={m.month(month)} prev={href(shiftMonth(month, -1))} next={href(shiftMonth(month, 1))} />
        <div className="grid grid-cols-2 gap-2">
          <a href={`/api/v1/points-bulletin?month=${month}`} download className="ui-button flex min-h-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300">
            {m.exportXlsx}
          </a>
          <ButtonLink href="/admin/points/quarter" variant="secondary">
            {t.stats.title}
          </ButtonLink>
        </div>
        {isCountyAdmin(scope) && (
          <ButtonLink href="/admin/points/rules" variant="secondary" className="w-full">
            {m.ruleEditor}
          </ButtonLink>
        )}
        <Card>
          <table className="w-full text-left">
            <caption className="sr-only">{`${m.month(month)}${m.bulletin}`}</caption>
            <thead className="text-sm text-stone-600">
              <tr>
                <th scope="col" className="py-2">{t.orgKind.branch}</th>
                <th scope="col" className="text-right">{m.average}</th>
                <th scope="col" className="text-right">{m.deductions}</th>
                <th scope="col" className="text-right">{m.attendanceRate}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((r) => (
                <tr key={r.branchId}>
                  <th scope="row" className="py-2 font-normal">
                    <Link href={`/branch/${r.branchId}/points?month=${month}`} className="text-brand underline">
                      {r.branchName}
                    </Link>
                  </th>
                  <td className="text-right">{r.average}</td>
                  <td className="text-right">{r.deducted}</td>
                  <td className="text-right">{percent(r.attendanceRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </main>
    </>
  );
}
