import { notFound } from "next/navigation";
import { OutcomeTag } from "@/components/outcome-tag";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { Card, EmptyState } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid } from "@/components/ui/stat-grid";
import { yearReport } from "@/db/queries/year-report";
import { formatHours } from "@/lib/community";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, monthOf } from "@/lib/time";
import { yearQuery } from "@/lib/validation/minutes";

export const metadata = { title: t.yearReport.title };

/** The member's own 年度报告, built from the records, to read and to print. */
export default async function YearReportPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext();
  if (!scope.member) notFound();
  const query = yearQuery.safeParse(await searchParams);
  const year = (query.success && query.data.year) || Number(monthOf(new Date()).slice(0, 4));
  const report = await pageData(yearReport(db, scope, { memberId: scope.userId, year }));
  const f = report.figures;

  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.yearReport.title} back="/me" />
      </div>
      <main className="space-y-4 p-4 print:p-0">
        <FilterForm submit={t.yearReport.show}>
          <Field type="number" name="year" label={t.yearReport.year} min={2000} max={2100} defaultValue={year} />
        </FilterForm>
        <PrintButton>{t.yearReport.print}</PrintButton>
        <article className="minutes-sheet space-y-4" aria-label={t.yearReport.heading(report.member.name, year)}>
          <h2 className="text-center text-xl font-bold">{t.yearReport.heading(report.member.name, year)}</h2>
          <p className="text-center text-stone-700">
            {t.yearReport.branch}：{report.member.branchName}
          </p>
          <Card title={t.yearReport.activities}>
            <StatGrid
              items={[
                [t.yearReport.expected, f.expected],
                [t.yearReport.attended, f.attended],
                [t.yearReport.late, f.late],
                [t.yearReport.leave, f.leave],
                [t.yearReport.absent, f.absent],
                [t.yearReport.makeupDone, report.makeup.done],
              ]}
            />
            {report.makeup.open > 0 && (
              <p className="mt-2 text-sm text-amber-800">
                {t.yearReport.makeupOpen}：{report.makeup.open}
              </p>
            )}
          </Card>
          <Card title={t.yearReport.points}>
            <p className="text-lg font-semibold">
              {t.yearReport.pointsTotal}：{report.pointsTotal}
            </p>
            {report.points.length === 0 ? (
              <p className="text-stone-600">{t.yearReport.noPoints}</p>
            ) : (
              <table className="mt-2 w-full text-left text-sm" aria-label={t.yearReport.bySource}>
                <tbody>
                  {report.points.map((p) => (
                    <tr key={p.ruleCode} className="border-t border-stone-100">
                      <th scope="row" className="py-2 font-normal">
                        {t.points.rules[p.ruleCode] ?? p.ruleCode}
                      </th>
                      <td className="py-2 text-right tabular-nums">{p.points}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card title={t.yearReport.hours}>
            <p className="text-lg font-semibold">{t.yearReport.hoursValue(formatHours(report.halfHours))}</p>
          </Card>
          <Card title={t.yearReport.review}>
            {report.review ? (
              <p className="text-lg font-semibold">
                {t.review.grade[report.review.grade]}
                {report.review.reason && (
                  <span className="block text-sm font-normal text-stone-700">{report.review.reason}</span>
                )}
              </p>
            ) : (
              <p className="text-stone-600">{t.yearReport.noReview}</p>
            )}
          </Card>
          <Card title={t.yearReport.list}>
            {report.activities.length === 0 ? (
              <EmptyState>{t.yearReport.noActivities}</EmptyState>
            ) : (
              <ul className="divide-y divide-stone-100">
                {report.activities.map((a) => (
                  <li key={a.activityId} className="flex items-center justify-between gap-2 py-2">
                    <span>
                      <span className="block">{a.title}</span>
                      <span className="text-sm text-stone-600">
                        {t.activityType[a.type]} · {formatFull(a.startsAt)}
                      </span>
                    </span>
                    <OutcomeTag outcome={a.outcome} expected phase="closed" />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <p className="text-sm text-stone-600">{t.yearReport.builtFrom}</p>
        </article>
        <PrintFooter issuer={report.member.branchName} signers={[t.roles.secretary]} printOnly />
      </main>
    </>
  );
}
