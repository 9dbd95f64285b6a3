import { ChaseTransferForm } from "@/components/membership/transfer-forms";
import { TransferItem } from "@/components/membership/transfer-item";
import { EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { transfersOverview } from "@/db/queries/transfers";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.membership.transfers };

export default async function AdminTransfersPage() {
  const { db, scope } = await pageContext();
  const rows = await pageData(transfersOverview(db, scope));
  return (
    <>
      <PageHeader title={t.membership.transfers} back="/admin" />
      <main className="space-y-4 p-4">
        {rows.length === 0 ? (
          <EmptyState>{t.membership.none}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={t.membership.transfers}>
            {rows.map((row) => (
              <TransferItem key={row.id} row={row}>
                {row.canChase && row.status === "pending" && <ChaseTransferForm transferId={row.id} />}
              </TransferItem>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
