import { DeclareBaseForm } from "@/components/dues/dues-forms";
import { DuesLedgerList } from "@/components/dues/dues-ledger-list";
import { DuesStandingView } from "@/components/dues/dues-standing";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myDues } from "@/db/queries/dues-views";
import { yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.dues.mine };

/** The member's own dues: their base (shown to them only), this month's amount, what they owe, their ledger. */
export default async function MyDuesPage() {
  const { db, scope } = await pageContext();
  const dues = await pageData(myDues(db, scope));
  return (
    <>
      <PageHeader title={t.dues.mine} back="/me" />
      <main className="space-y-3 p-4">
        <Card title={t.dues.myStatus}>
          {dues.base && (
            <p className="mb-2 text-stone-700">
              {t.dues.kinds[dues.base.kind]}
              {dues.base.baseFen !== null && ` · ${t.dues.baseShort} ${t.dues.yuan(yuan(dues.base.baseFen))}`}
            </p>
          )}
          <DuesStandingView due={dues.due} standing={dues.standing} />
        </Card>
        <Card title={t.dues.declare}>
          <DeclareBaseForm memberId={scope.userId} month={dues.month} label={t.dues.declare} />
        </Card>
        <Card title={t.dues.ledger}>
          <DuesLedgerList entries={dues.entries} canReverse={false} />
        </Card>
      </main>
    </>
  );
}
