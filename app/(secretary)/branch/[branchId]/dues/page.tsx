import Link from "next/link";
import { notFound } from "next/navigation";
import { BranchTabs } from "@/components/branch-tabs";
import { RemindForm } from "@/components/dues/dues-forms";
import { PeriodNav } from "@/components/period-nav";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid } from "@/components/ui/stat-grid";
import { branchDuesSheet } from "@/db/queries/dues-views";
import { ratePercent, yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, monthOf, shiftMonth } from "@/lib/time";
import { branchMonthQuery } from "@/lib/validation/dues";

export const metadata = { title: t.dues.sheetTitle };

const money = (fen: number | null) => (fen === null ? "—" : yuan(fen));

/** The branch's 党费收缴登记表 for a month: on the phone, on A4 and as .xlsx; the members in arrears, flagged. */
export default async function BranchDuesPage({ params, searchParams }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const query = branchMonthQuery.safeParse({ ...(await searchParams), ...(await params) });
  if (!query.success) notFound();
  const month = query.data.month ?? monthOf(new Date());
  const sheet = await pageData(branchDuesSheet(db, scope, query.data.branchId, month));
  const { branch, rows, totals, arrears } = sheet;
  const href = (x: string) => `/branch/${branch.id}/dues?month=${x}`;
  const title = `${branch.name} ${t.dues.month(month)} ${t.dues.sheetTitle}`;

  return (
    <>
      <div className="print:hidden">
        <PageHeader title={branch.name} />
      </div>
      <main className="space-y-3 p-4 print:p-0">
        <div className="space-y-3 print:hidden">
          <BranchTabs branchId={branch.id} current="dues" />
          <PeriodNav label={t.dues.month(month)} prev={href(shiftMonth(month, -1))} next={href(shiftMonth(month, 1))} />
          <Card>
            <div className="space-y-2">
              <StatGrid
                items={[
                  [t.dues.due, yuan(totals.dueFen)],
                  [t.dues.paid, yuan(totals.paidFen)],
                ]}
              />
              <StatGrid
                items={[
                  [t.dues.handedUp, yuan(totals.collectedFen)],
                  [t.dues.arrears, yuan(totals.arrearsFen)],
                ]}
              />
            </div>
          </Card>
          <div className="grid grid-cols-2 gap-2">
            <a
              href={`/api/v1/branches/${branch.id}/dues-sheet?month=${month}`}
              download
              className="ui-button flex min-h-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300"
            >
              {t.dues.exportXlsx}
            </a>
            <PrintButton>{t.dues.print}</PrintButton>
          </div>
          <Card title={t.dues.arrearsList}>
            {arrears.length === 0 ? (
              <p className="text-stone-600">{t.dues.noArrears}</p>
            ) : (
              <>
                <p className="text-sm text-stone-700">
                  {arrears.some((r) => r.flag === 6) ? t.dues.flag6Hint : t.dues.flag3Hint}
                </p>
                <ul className="divide-y divide-stone-100">
                  {arrears.map((r) => (
                    <li key={r.memberId} className="flex items-center justify-between gap-2 py-2">
                      <Link href={`/branch/${branch.id}/dues/${r.memberId}`} className="font-medium text-brand">
                        {r.name}
                      </Link>
                      <span className="flex items-center gap-2 text-sm">
                        {t.dues.owedSummary(r.monthsOwed, yuan(r.arrearsFen))}
                        <Tag tone={r.flag === 6 ? "red" : "amber"}>{r.flag === 6 ? t.dues.flag6 : t.dues.flag3}</Tag>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {sheet.canRecord && (
              <div className="mt-3">
                <RemindForm branchId={branch.id} />
              </div>
            )}
          </Card>
          <p className="text-sm text-stone-600">{t.dues.onLeave}</p>
          <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={t.dues.sheetTitle}>
            {rows.map((r) => (
              <li key={r.memberId}>
                <Link href={`/branch/${branch.id}/dues/${r.memberId}`} className="block px-4 py-3">
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">{r.name}</span>
                    <span className="text-sm text-stone-700">
                      {r.dueFen === null
                        ? t.dues.noBaseShort
                        : `${t.dues.due} ${yuan(r.dueFen)} · ${t.dues.paid} ${yuan(r.paidFen)}`}
                    </span>
                  </span>
                  {r.arrearsFen > 0 && (
                    <span className="mt-1 block text-sm text-red-800">
                      {t.dues.owedSummary(r.monthsOwed, yuan(r.arrearsFen))}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className="hidden print:block">
          <h2 className="text-center text-xl font-semibold">{title}</h2>
          <table className="mt-2 w-full border-collapse text-xs">
            <thead>
              <tr>
                {t.dues.sheetColumns.map((c) => (
                  <th key={c} className="border border-stone-400 px-1">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.memberId}>
                  <td className="border border-stone-400 px-1">{r.name}</td>
                  <td className="border border-stone-400 px-1">
                    {r.kind ? t.dues.kindShort[r.kind] : t.dues.noBaseShort}
                  </td>
                  <td className="border border-stone-400 px-1">{r.kind ? t.dues.masked : ""}</td>
                  <td className="border border-stone-400 px-1">
                    {r.bp === null ? (r.kind ? t.dues.fixedRate : "") : ratePercent(r.bp)}
                  </td>
                  <td className="border border-stone-400 px-1 text-right">{money(r.dueFen)}</td>
                  <td className="border border-stone-400 px-1 text-right">{money(r.paidFen)}</td>
                  <td className="border border-stone-400 px-1">{r.paidAt ? formatFull(r.paidAt) : ""}</td>
                  <td className="border border-stone-400 px-1">{r.payer ?? ""}</td>
                  <td className="border border-stone-400 px-1">{r.recordedBy ?? ""}</td>
                  <td className="border border-stone-400 px-1 text-right">{money(r.collectedFen)}</td>
                  <td className="border border-stone-400 px-1 text-right">{money(r.arrearsFen)}</td>
                  <td className="border border-stone-400 px-1 text-right">{r.monthsOwed}</td>
                </tr>
              ))}
              <tr className="font-semibold">
                <td className="border border-stone-400 px-1" colSpan={4}>
                  {t.dues.handedUp}
                </td>
                <td className="border border-stone-400 px-1 text-right">{yuan(totals.dueFen)}</td>
                <td className="border border-stone-400 px-1 text-right">{yuan(totals.paidFen)}</td>
                <td className="border border-stone-400 px-1" colSpan={3} />
                <td className="border border-stone-400 px-1 text-right">{yuan(totals.collectedFen)}</td>
                <td className="border border-stone-400 px-1 text-right">{yuan(totals.arrearsFen)}</td>
                <td className="border border-stone-400 px-1" />
              </tr>
            </tbody>
          </table>
        </div>
        <PrintFooter issuer={branch.name} signers={[t.print.secretary]} printOnly />
      </main>
    </>
  );
}
