import { PrintFooter } from "@/components/print-footer";
import { ReportPage } from "@/components/report-page";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { feedbackRollup } from "@/db/queries/community-feedback";
import { issuingBody } from "@/db/queries/print-issuer";
import { formatHours, parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.community.feedback };

/** Community reporting and hours rolled up per branch, for the committee or the whole county. */
export default async function CommunityRollupPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext();
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const [rows, issuer] = await pageData(Promise.all([feedbackRollup(db, scope, q), issuingBody(db, scope)]));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <ReportPage
      title={t.community.feedback}
      back="/admin"
      period={{
        label: t.community.quarter(q.year, q.quarter),
        prev: `/admin/community?quarter=${shiftQuarter(q, -1)}`,
        next: `/admin/community?quarter=${shiftQuarter(q, 1)}`,
      }}
      download={{ href: `/api/v1/community-feedback?quarter=${q.year}-Q${q.quarter}`, label: t.points.exportXlsx }}
      printTitle={`${t.community.feedback} ${t.community.quarter(q.year, q.quarter)}`}
    >
      <Card>
        <FigureTable
          caption={`${t.community.feedback} ${t.community.quarter(q.year, q.quarter)}`}
          head={[
            t.orgKind.branch,
            `${t.community.reportedCount}/${t.community.inOfficeCount}`,
            t.community.quarterHours,
            t.community.yearHours,
          ]}
          rows={rows.map((r) => ({
            key: r.branchId,
            name: r.branchName,
            href: `/branch/${r.branchId}/community?quarter=${q.year}-Q${q.quarter}`,
            cells: [`${r.reported}/${r.inOffice}`, formatHours(r.quarterHalfHours), formatHours(r.yearHalfHours)],
          }))}
          foot={{
            name: t.common.all,
            cells: [
              `${sum((r) => r.reported)}/${sum((r) => r.inOffice)}`,
              formatHours(sum((r) => r.quarterHalfHours)),
              formatHours(sum((r) => r.yearHalfHours)),
            ],
          }}
        />
      </Card>
      <PrintFooter issuer={issuer} signers={[t.print.reviewer]} printOnly />
    </ReportPage>
  );
}
