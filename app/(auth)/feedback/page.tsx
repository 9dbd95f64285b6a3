import { FeedbackItem } from "@/components/feedback/feedback-item";
import { ReceiptLookup } from "@/components/feedback/receipt-lookup";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myFeedback } from "@/db/queries/feedback";
import { t } from "@/lib/messages";
import { openPageContext } from "@/lib/server/session";

export const metadata = { title: t.feedback.title };

/** 投诉建议: signed in, the person's own items and their answers; signed out, the look-up by receipt code. */
export default async function FeedbackPage() {
  const { db, scope } = await openPageContext();
  const mine = scope ? await myFeedback(db, scope) : null;
  return (
    <>
      <PageHeader title={t.feedback.title} back={scope ? "/me" : "/login"} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="text-stone-700">{t.feedback.intro}</p>
          <p className="mt-2 text-sm text-stone-600">{t.feedback.neverDeleted}</p>
          <ButtonLink href="/feedback/new" className="mt-3 w-full">
            {t.feedback.send}
          </ButtonLink>
        </Card>
        {mine === null ? (
          <Card title={t.feedback.lookupTitle}>
            <ReceiptLookup />
          </Card>
        ) : mine.length === 0 ? (
          <EmptyState>{t.feedback.empty}</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label={t.feedback.mine}>
            {mine.map((item) => (
              <li key={item.id} className="rounded-xl bg-white p-4 shadow-sm">
                <FeedbackItem item={item} />
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
