import { PeriodNav } from "@/components/period-nav";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { Card } from "@/components/ui/card";
import { FigureTable } from "@/components/ui/figure-table";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid } from "@/components/ui/stat-grid";
import { duesRollup } from "@/db/queries/dues-views";
import { issuingBody } from "@/db/queries/print-issuer";
import { yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { monthOf, shiftMonth } from "@/lib/time";
import { monthQuery } from "@/lib/validation/points";

export const metadata = { title: t.dues.rollupTitle };

/** The month's dues per branch, for the committee (its branches) or the county (every branch). */
export default async function DuesRollupPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext();
  const month = monthQuery.parse(await searchParams).month ?? monthOf(new Date());
  const [rows, issuer] = await pageData(Promise.all([duesRollup(db, scope, month), issuingBody(db, scope)]));
  const href = (x: string) => `/admin/dues?month=${x}`;
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.dues.rollupTitle} back="/admin" />
      </div>
      <main className="space-y-3 p-4 print:p-0">
        <div className="space-y-3 print:hidden">
          <PeriodNav label={t.dues.month(month)} prev={href(shiftMonth(month, -1))} next={href(shiftMonth(month, 1))} />
          <div className="grid grid-cols-2 gap-2">
            <a
              href={`/api/v1/dues-rollup?month=${month}`}
              download
              className="ui-button flex min-h-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300"
            >
              {t.dues.exportXlsx}
            </a>
            <PrintButton>{t.dues.print}</PrintButton>
          </div>
        </div>
        <h2 className="hidden text-center text-xl font-semibold print:block">{`${t.dues.month(month)} ${t.dues.rollupTitle}`}</h2>
        <Card>
          <div className="space-y-2">
            <StatGrid
              items={[
                [t.dues.due, yuan(sum((r) => r.dueFen))],
                [t.dues.paid, yuan(sum((r) => r.paidFen))],
              ]}
            />
            <StatGrid
              items={[
                [t.dues.handedUp, yuan(sum((r) => r.collectedFen))],
                [t.dues.inArrears, sum((r) => r.inArrears)],
              ]}
            />
          </div>
        </Card>
        <Card>
          <FigureTable
            caption={`${t.dues.month(month)} ${t.dues.rollupTitle}`}
            head={[t.orgKind.branch, t.dues.collected, t.dues.inArrears, t.dues.flag6]}
            rows={rows.map((r) => ({
              key: r.branchId,
              name: r.branchName,
              href: `/branch/${r.branchId}/dues?month=${month}`,
              cells: [yuan(r.collectedFen), r.inArrears, r.flag6],
            }))}
          />
        </Card>
        <PrintFooter issuer={issuer} signers={[t.print.reviewer]} printOnly />
      </main>
    </>
  );
}
