import { PeriodNav } from "@/components/period-nav";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { PageHeader } from "@/components/ui/page-header";
import { feedbackRollup } from "@/db/queries/community-feedback";
import { formatHours, parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/page-data";
import { pageContext } from "@/lib/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.community.feedback };

const m = t.community;

/** Community reporting and hours rolled up per branch, for the committee or the whole county. */
export default async function CommunityRollupPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { db, scope } = await pageContext();
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const rows = await pageData(feedbackRollup(db, scope, q));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <>
      <PageHeader title={m.feedback} back="/admin" />
      <main className="space-y-3 p-4">
        <PeriodNav label={m.quarter(q.year, q.quarter)} prev={`/admin/community?quarter=${shiftQuarter(q, -1)}`} next={`/admin/community?quarter=${shiftQuarter(q, 1)}`} />
        <Card>
          <FigureTable
            caption={`${m.feedback} ${m.quarter(q.year, q.quarter)}`}
            head={[t.orgKind.branch, `${m.reportedCount}/${m.inOfficeCount}`, m.quarterHours, m.yearHours]}
            rows={rows.map((r) => ({ key: r.branchId, name: r.branchName, href: `/branch/${r.branchId}/community?quarter=${q.year}-Q${q.quarter}`, cells: [`${r.reported}/${r.inOffice}`, formatHours(r.quarterHalfHours), formatHours(r.yearHalfHours)] }))}
            foot={{ name: t.common.all, cells: [`${sum((r) => r.reported)}/${sum((r) => r.inOffice)}`, formatHours(sum((r) => r.quarterHalfHours)), formatHours(sum((r) => r.yearHalfHours))] }}
          />
        </Card>
      </main>
    </>
  );
}
