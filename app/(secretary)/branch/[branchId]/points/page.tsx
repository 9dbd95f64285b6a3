import { BranchTabs } from "@/components/branch-tabs";
import { AnswerAppealForm } from "@/components/points/points-forms";
import { PrintFooter } from "@/components/print-footer";
import { ReportPage } from "@/components/report-page";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { StatGrid } from "@/components/ui/stat-grid";
import { branchAppeals, monthlyBulletin } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { percent, signed } from "@/lib/points";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { monthOf, shiftMonth } from "@/lib/time";
import { monthQuery } from "@/lib/validation/points";

export const metadata = { title: t.points.bulletin };

/** The branch's monthly points bulletin (积分通报): on the phone, printable on A4, exported to .xlsx. */
export default async function BranchPointsPage({ params, searchParams }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const month = monthQuery.parse(await searchParams).month ?? monthOf(new Date());
  const [bulletin, appeals] = await pageData(
    Promise.all([monthlyBulletin(db, scope, branchId, month), branchAppeals(db, scope, branchId)]),
  );
  const { branch, rows, deductions, deducted, corrections, attendanceRate } = bulletin;
  const href = (x: string) => `/branch/${branch.id}/points?month=${x}`;

  return (
    <ReportPage
      title={branch.name}
      before={<BranchTabs branchId={branch.id} current="points" />}
      period={{ label: t.points.month(month), prev: href(shiftMonth(month, -1)), next: href(shiftMonth(month, 1)) }}
      download={{ href: `/api/v1/branches/${branch.id}/points-bulletin?month=${month}`, label: t.points.exportXlsx }}
      printTitle={`${branch.name} ${t.points.month(month)}${t.points.bulletin}`}
    >
      {appeals.length > 0 && (
        <Card title={`${t.points.appealsPending}（${appeals.length}）`} className="print:hidden">
          <ul className="divide-y divide-stone-100">
            {appeals.map((a) => (
              <li key={a.id} className="space-y-1 py-3">
                <p className="font-medium">
                  {a.memberName} · {signed(a.points)} {a.entryReason}
                </p>
                <p className="text-stone-700">{a.reason}</p>
                <AnswerAppealForm appealId={a.id} name={a.memberName} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <StatGrid
          items={[
            [t.points.members, rows.length],
            [t.points.attendanceRate, percent(attendanceRate)],
            [t.points.deductedPeople, deducted],
          ]}
        />
      </Card>
      <Card title={t.points.deductionsList}>
        {deductions.length === 0 ? (
          <p className="text-stone-600">{t.points.noDeductions}</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {deductions.map((d) => (
              <li key={d.id} className="py-2">
                <span className="font-medium">{d.name}</span>{" "}
                <span className="font-semibold text-red-800">{signed(d.points)}</span>{" "}
                <span className="text-stone-700">{d.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {corrections.length > 0 && (
        <Card title={t.points.correctionsList}>
          <p className="text-sm text-stone-700">{t.points.correctionsHint}</p>
          <ul className="divide-y divide-stone-100">
            {corrections.map((d) => (
              <li key={d.id} className="py-2">
                <span className="font-medium">{d.name}</span> <span className="font-semibold">{signed(d.points)}</span>{" "}
                <span className="text-stone-700">{d.reason}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <FigureTable
          caption={`${t.points.month(month)}${t.points.bulletin}`}
          head={[t.common.name, t.points.monthPoints, t.points.yearPoints, t.points.attendanceRate]}
          rows={rows.map((r) => ({
            key: r.memberId,
            name: r.name,
            href: `/branch/${branch.id}/points/${r.memberId}`,
            cells: [signed(r.monthPoints), r.yearPoints, r.expected ? `${r.came}/${r.expected}` : "—"],
          }))}
        />
      </Card>
      <PrintFooter issuer={branch.name} signers={[t.print.secretary]} printOnly />
    </ReportPage>
  );
}
