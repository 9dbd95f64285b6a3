import Link from "next/link";
import { PeriodNav } from "@/components/period-nav";
import { Card } from "@/components/ui/card";
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
          <table className="w-full text-left">
            <caption className="sr-only">{`${m.feedback} ${m.quarter(q.year, q.quarter)}`}</caption>
            <thead className="text-sm text-stone-600">
              <tr>
                <th scope="col" className="py-2">{t.orgKind.branch}</th>
                <th scope="col" className="text-right">{m.reportedCount}/{m.inOfficeCount}</th>
                <th scope="col" className="text-right">{m.quarterHours}</th>
                <th scope="col" className="text-right">{m.yearHours}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((r) => (
                <tr key={r.branchId}>
                  <th scope="row" className="py-2 font-normal">
                    <Link href={`/branch/${r.branchId}/community?quarter=${q.year}-Q${q.quarter}`} className="text-brand underline">
                      {r.branchName}
                    </Link>
                  </th>
                  <td className="text-right">{`${r.reported}/${r.inOffice}`}</td>
                  <td className="text-right">{formatHours(r.quarterHalfHours)}</td>
                  <td className="text-right">{formatHours(r.yearHalfHours)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="font-semibold">
              <tr>
                <th scope="row" className="py-2 text-left">{t.common.all}</th>
                <td className="text-right">{`${sum((r) => r.reported)}/${sum((r) => r.inOffice)}`}</td>
                <td className="text-right">{formatHours(sum((r) => r.quarterHalfHours))}</td>
                <td className="text-right">{formatHours(sum((r) => r.yearHalfHours))}</td>
              </tr>
            </tfoot>
          </table>
        </Card>
      </main>
    </>
  );
}
