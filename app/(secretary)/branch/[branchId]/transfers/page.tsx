import { notFound } from "next/navigation";
import { ConfirmAwayReportForm } from "@/components/membership/status-forms";
import { DecideTransferForm, WithdrawTransferForm } from "@/components/membership/transfer-forms";
import { TransferItem } from "@/components/membership/transfer-item";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { branchAway } from "@/db/queries/away";
import { branchTransfers } from "@/db/queries/transfers";
import { t } from "@/lib/messages";
import { canManageRoster } from "@/lib/permissions";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.membership.transfers };

export default async function BranchTransfersPage({ params }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = id.safeParse((await params).branchId);
  if (!branchId.success) notFound();
  const [{ branch, incoming, outgoing }, { away, reports }] = await pageData(
    Promise.all([branchTransfers(db, scope, branchId.data), branchAway(db, scope, branchId.data)]),
  );
  const manage = canManageRoster(scope, branch.path);
  return (
    <>
      <PageHeader title={t.membership.transfers} back={`/branch/${branch.id}`} />
      <main className="space-y-4 p-4">
        <Card title={t.membership.incoming}>
          {incoming.length === 0 ? (
            <EmptyState>{t.membership.none}</EmptyState>
          ) : (
            <ul className="-mx-4 divide-y divide-stone-100" aria-label={t.membership.incoming}>
              {incoming.map((row) => (
                <TransferItem key={row.id} row={row}>
                  {manage && row.status === "pending" && <DecideTransferForm transferId={row.id} />}
                </TransferItem>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t.membership.outgoing}>
          {outgoing.length === 0 ? (
            <EmptyState>{t.membership.none}</EmptyState>
          ) : (
            <ul className="-mx-4 divide-y divide-stone-100" aria-label={t.membership.outgoing}>
              {outgoing.map((row) => (
                <TransferItem key={row.id} row={row}>
                  {manage && row.status === "pending" && <WithdrawTransferForm transferId={row.id} />}
                </TransferItem>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t.membership.awayMembers}>
          {away.length === 0 ? (
            <EmptyState>{t.membership.none}</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm" aria-label={t.membership.awayMembers}>
              {away.map((a) => (
                <li key={a.memberId}>
                  {a.name} · {t.membership.awayUntil(a.place, a.until)}
                  {a.hostOrg ? ` · ${a.hostOrg}` : ""}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t.membership.reports}>
          {reports.length === 0 ? (
            <EmptyState>{t.membership.noReports}</EmptyState>
          ) : (
            <ul className="-mx-4 divide-y divide-stone-100" aria-label={t.membership.reports}>
              {reports.map((r) => (
                <li key={r.id} className="space-y-1 px-4 py-3">
                  <p className="font-medium">
                    {r.name} · {r.activityTitle}
                  </p>
                  <p className="text-sm text-stone-700">{r.note}</p>
                  {r.status === "confirmed" ? (
                    <p className="text-sm text-green-800">{t.membership.confirmedElsewhere}</p>
                  ) : (
                    manage && <ConfirmAwayReportForm reportId={r.id} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </main>
    </>
  );
}
