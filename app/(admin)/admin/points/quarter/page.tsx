import { BarChart } from "@/components/bar-chart";
import { PeriodNav } from "@/components/period-nav";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { quarterStats } from "@/db/queries/point-stats";
import { issuingBody } from "@/db/queries/print-issuer";
import { parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { percent, signed } from "@/lib/points";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.stats.title };

/** 积分制实施情况: the quarter per branch, the points by rule, and the months' attendance as a trend. */
export default async function QuarterStatsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, scope } = await pageContext({ reads: "replica" });
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const [{ branches, rules, trend }, issuer] = await pageData(
    Promise.all([quarterStats(db, scope, q), issuingBody(db, scope)]),
  );
  const label = t.community.quarter(q.year, q.quarter);
  const href = (x: string) => `/admin/points/quarter?quarter=${x}`;
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.stats.title} back="/admin/points" />
      </div>
      <main className="space-y-3 p-4 print:p-0">
        <div className="space-y-3 print:hidden">
          <PeriodNav label={label} prev={href(shiftQuarter(q, -1))} next={href(shiftQuarter(q, 1))} />
          <div className="grid grid-cols-2 gap-2">
            <a
              href={`/api/v1/points-quarter?quarter=${q.year}-Q${q.quarter}`}
              download
              className="ui-button flex min-h-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300"
            >
              {t.points.exportXlsx}
            </a>
            <PrintButton>{t.points.print}</PrintButton>
          </div>
        </div>
        <h2 className="hidden text-center text-xl font-semibold print:block">{`${label}${t.stats.title}`}</h2>
        <Card title={t.stats.trend}>
          <BarChart
            label={t.stats.trend}
            bars={trend.map((x) => ({
              name: t.points.month(x.month),
              value: x.attendanceRate,
              text: percent(x.attendanceRate),
            }))}
          />
        </Card>
        <Card title={t.stats.byRule}>
          <BarChart
            label={t.stats.byRule}
            bars={rules.map((r) => ({
              name: t.points.rules[r.ruleCode] ?? r.ruleCode,
              value: r.points,
              text: signed(r.points),
            }))}
          />
        </Card>
        <Card>
          <ul className="divide-y divide-stone-100" aria-label={t.stats.title}>
            {branches.map((b) => (
              <li key={b.id} className="space-y-1 py-3">
                <p className="font-medium">{b.name}</p>
                <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
                  <span>{`${t.stats.gained} ${b.gained}`}</span>
                  <span>{`${t.stats.lost} ${b.lost}`}</span>
                  <span>{`${t.stats.attendance} ${percent(b.attendanceRate)}`}</span>
                  <span>{`${t.stats.leave} ${b.leave}`}</span>
                  <span>{`${t.stats.makeup} ${percent(b.makeupRate)}`}</span>
                  <span>{`${t.stats.hours} ${b.hours}`}</span>
                </p>
              </li>
            ))}
          </ul>
        </Card>
        <PrintFooter issuer={issuer} signers={[t.print.reviewer]} printOnly />
      </main>
    </>
  );
}
