import { PeriodNav } from "@/components/period-nav";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { PageHeader } from "@/components/ui/page-header";
import { feedbackRollup } from "@/db/queries/community-feedback";
import { issuingBody } from "@/db/queries/print-issuer";
import { formatHours, parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.community.feedback };

/** Community reporting and hours rolled up per branch, for the committee or the whole county. */
export default async function CommunityRollupPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, scope } = await pageContext();
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const [rows, issuer] = await pageData(Promise.all([feedbackRollup(db, scope, q), issuingBody(db, scope)]));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.community.feedback} back="/admin" />
      </div>
      <main className="space-y-3 p-4 print:p-0">
        <div className="space-y-3 print:hidden">
          <PeriodNav
            label={t.community.quarter(q.year, q.quarter)}
            prev={`/admin/community?quarter=${shiftQuarter(q, -1)}`}
            next={`/admin/community?quarter=${shiftQuarter(q, 1)}`}
          />
          <div className="grid grid-cols-2 gap-2">
            <a
              href={`/api/v1/community-feedback?quarter=${q.year}-Q${q.quarter}`}
              download
              className="ui-button flex min-h-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300"
            >
              {t.points.exportXlsx}
            </a>
            <PrintButton>{t.points.print}</PrintButton>
          </div>
        </div>
        <h2 className="hidden text-center text-xl font-semibold print:block">{`${t.community.feedback} ${t.community.quarter(q.year, q.quarter)}`}</h2>
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
      </main>
    </>
  );
}
