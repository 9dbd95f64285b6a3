import { notFound } from "next/navigation";
import { DeclareBaseForm, RecordPaymentForm, RevealBase } from "@/components/dues/dues-forms";
import { DuesLedgerList } from "@/components/dues/dues-ledger-list";
import { DuesStandingView } from "@/components/dues/dues-standing";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { memberDues } from "@/db/queries/dues-views";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.dues.title };

/**
 * One member's dues for the secretary: the base masked until revealed (audited), what is owed, the ledger
 * with its reversals, and the forms to take a payment (later, ahead, 代缴) or enter the base for them.
 */
export default async function MemberDuesPage({ params }: PageArgs<"branchId" | "memberId">) {
  const { db, scope } = await pageContext();
  const raw = await params;
  const branchId = id.safeParse(raw.branchId);
  const memberId = id.safeParse(raw.memberId);
  if (!branchId.success || !memberId.success) notFound();
  const dues = await pageData(memberDues(db, scope, memberId.data));
  if (dues.member.branchId !== branchId.data) notFound();
  const { member } = dues;
  return (
    <>
      <PageHeader title={t.dues.duesOf(member.name)} back={`/branch/${branchId.data}/dues`} />
      <main className="space-y-3 p-4">
        <Card title={t.dues.myStatus}>
          <p className="mb-2 text-stone-700">
            {t.dues.baseKind} {dues.base ? t.dues.kinds[dues.base.kind] : t.dues.noBaseShort}
          </p>
          {dues.base && (
            <p className="mb-2 flex items-center gap-2 text-stone-700">
              {t.dues.baseShort} <RevealBase memberId={member.userId} canReveal={dues.canSeeBase} />
            </p>
          )}
          <DuesStandingView due={dues.due} standing={dues.standing} />
        </Card>
        {dues.canRecord && dues.base && (
          <Card title={t.dues.recordFor(member.name)}>
            <RecordPaymentForm
              memberId={member.userId}
              name={member.name}
              month={dues.standing.monthsOwed[0] ?? dues.month}
            />
          </Card>
        )}
        <Card title={t.dues.ledger}>
          <DuesLedgerList entries={dues.entries} canReverse={dues.canRecord} />
        </Card>
        {dues.canSeeBase && (
          <Card title={t.dues.declareFor(member.name)}>
            <DeclareBaseForm memberId={member.userId} month={dues.month} label={t.dues.declare} />
          </Card>
        )}
      </main>
    </>
  );
}
