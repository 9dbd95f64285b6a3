import { notFound } from "next/navigation";
import { DecideTransferForm, WithdrawTransferForm } from "@/components/membership/transfer-forms";
import { TransferItem } from "@/components/membership/transfer-item";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { branchTransfers } from "@/db/queries/transfers";
import { t } from "@/lib/messages";
import { canManageRoster } from "@/lib/permissions";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.membership.transfers };

export default async function BranchTransfersPage({ params }: { params: Promise<{ branchId: string }> }) {
  const { db, scope } = await pageContext();
  const branchId = id.safeParse((await params).branchId);
  if (!branchId.success) notFound();
  const { branch, incoming, outgoing } = await pageData(branchTransfers(db, scope, branchId.data));
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
      </main>
    </>
  );
}
