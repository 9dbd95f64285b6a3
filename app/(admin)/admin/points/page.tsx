import { PrintFooter } from "@/components/print-footer";
import { ReportPage } from "@/components/report-page";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { bulletinRollup } from "@/db/queries/point-views";
import { issuingBody } from "@/db/queries/print-issuer";
import { t } from "@/lib/messages";
import { isCountyAdmin } from "@/lib/permissions";
import { percent } from "@/lib/points";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { monthOf, shiftMonth } from "@/lib/time";
import { monthQuery } from "@/lib/validation/points";

export const metadata = { title: t.points.bulletin };

/** The monthly bulletin per branch, for the committee (its branches) or the county (every branch). */
export default async function PointsRollupPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext({ reads: "replica" });
  const month = monthQuery.parse(await searchParams).month ?? monthOf(new Date());
  const [rows, issuer] = await pageData(Promise.all([bulletinRollup(db, scope, month), issuingBody(db, scope)]));
  const href = (x: string) => `/admin/points?month=${x}`;
  return (
    <ReportPage
      title={t.points.bulletin}
      back="/admin"
      period={{ label: t.points.month(month), prev: href(shiftMonth(month, -1)), next: href(shiftMonth(month, 1)) }}
      download={{ href: `/api/v1/points-bulletin?month=${month}`, label: t.points.exportXlsx }}
      printTitle={`${t.points.month(month)}${t.points.bulletin}`}
      after={
        <>
          <ButtonLink href="/admin/points/quarter" variant="secondary" className="w-full">
            {t.stats.title}
          </ButtonLink>
          {isCountyAdmin(scope) && (
            <ButtonLink href="/admin/points/rules" variant="secondary" className="w-full">
              {t.points.ruleEditor}
            </ButtonLink>
          )}
        </>
      }
    >
      <Card>
        <FigureTable
          caption={`${t.points.month(month)}${t.points.bulletin}`}
          head={[t.orgKind.branch, t.points.average, t.points.deductedPeople, t.points.attendanceRate]}
          rows={rows.map((r) => ({
            key: r.branchId,
            name: r.branchName,
            href: `/branch/${r.branchId}/points?month=${month}`,
            cells: [r.average, r.deducted, percent(r.attendanceRate)],
          }))}
        />
      </Card>
      <PrintFooter issuer={issuer} signers={[t.print.reviewer]} printOnly />
    </ReportPage>
  );
}
