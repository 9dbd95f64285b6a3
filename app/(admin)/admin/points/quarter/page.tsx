import { BarChart } from "@/components/bar-chart";
import { PeriodNav } from "@/components/period-nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { quarterStats } from "@/db/queries/point-stats";
import { parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/page-data";
import { percent, signed } from "@/lib/points";
import { pageContext } from "@/lib/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.stats.title };

const m = t.stats;

/** 积分制实施情况: the quarter per branch, the points by rule, and the months' attendance as a trend. */
export default async function QuarterStatsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, scope } = await pageContext();
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const { branches, rules, trend } = await pageData(quarterStats(db, scope, q));
  const href = (x: string) => `/admin/points/quarter?quarter=${x}`;
  return (
    <>
      <PageHeader title={m.title} back="/admin/points" />
      <main className="space-y-3 p-4">
        <PeriodNav label={t.community.quarter(q.year, q.quarter)} prev={href(shiftQuarter(q, -1))} next={href(shiftQuarter(q, 1))} />
        <Card title={m.trend}>
          <BarChart label={m.trend} bars={trend.map((x) => ({ name: t.points.month(x.month), value: x.attendanceRate, text: percent(x.attendanceRate) }))} />
        </Card>
        <Card title={m.byRule}>
          <BarChart label={m.byRule} bars={rules.map((r) => ({ name: t.points.rules[r.ruleCode] ?? r.ruleCode, value: r.points, text: signed(r.points) }))} />
        </Card>
        <Card>
          <ul className="divide-y divide-stone-100" aria-label={m.title}>
            {branches.map((b) => (
              <li key={b.id} className="space-y-1 py-3">
                <p className="font-medium">{b.name}</p>
                <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
                  <span>{`${m.gained} ${b.gained}`}</span>
                  <span>{`${m.lost} ${b.lost}`}</span>
                  <span>{`${m.attendance} ${percent(b.attendanceRate)}`}</span>
                  <span>{`${m.leave} ${b.leave}`}</span>
                  <span>{`${m.makeup} ${percent(b.makeupRate)}`}</span>
                  <span>{`${m.hours} ${b.hours}`}</span>
                </p>
              </li>
            ))}
          </ul>
        </Card>
      </main>
    </>
  );
}
