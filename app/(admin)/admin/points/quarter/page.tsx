import { BarChart } from "@/components/bar-chart";
import { PrintFooter } from "@/components/print-footer";
import { ReportPage } from "@/components/report-page";
import { Card } from "@/components/ui/card";
import { quarterStats } from "@/db/queries/point-stats";
import { issuingBody } from "@/db/queries/print-issuer";
import { parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { percent, signed } from "@/lib/points";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.stats.title };

/** 积分制实施情况: the quarter per branch, the points by rule, and the months' attendance as a trend. */
export default async function QuarterStatsPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext({ reads: "replica" });
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const [{ branches, rules, trend }, issuer] = await pageData(
    Promise.all([quarterStats(db, scope, q), issuingBody(db, scope)]),
  );
  const label = t.community.quarter(q.year, q.quarter);
  const href = (x: string) => `/admin/points/quarter?quarter=${x}`;
  return (
    <ReportPage
      title={t.stats.title}
      back="/admin/points"
      period={{ label, prev: href(shiftQuarter(q, -1)), next: href(shiftQuarter(q, 1)) }}
      download={{ href: `/api/v1/points-quarter?quarter=${q.year}-Q${q.quarter}`, label: t.points.exportXlsx }}
      printTitle={`${label}${t.stats.title}`}
    >
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
    </ReportPage>
  );
}
