import Link from "next/link";
import { AnswerForm, DeadlineForm } from "@/components/feedback/county-forms";
import { FeedbackItem } from "@/components/feedback/feedback-item";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countyFeedback, feedbackDays } from "@/db/queries/feedback";
import { t } from "@/lib/messages";
import { maskPhone } from "@/lib/phone";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { countyFeedbackQuery, feedbackViews } from "@/lib/validation/feedback";

export const metadata = { title: t.feedback.countyTitle };

/**
 * The county's inbox of 投诉建议: open ones by deadline, overdue flagged, answered ones; who sent each (the
 * county may know; a sender who asked for anonymity is marked, and the branch is never told).
 */
export default async function CountyFeedbackPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const { db, scope } = await pageContext();
  const { view } = countyFeedbackQuery.parse(await searchParams);
  const { rows, counts } = await pageData(countyFeedback(db, scope, { view }));
  const days = await feedbackDays(db, scope);
  return (
    <>
      <PageHeader title={t.feedback.countyTitle} back="/admin" />
      <main className="space-y-4 p-4">
        <nav className="grid grid-cols-3 gap-2" aria-label={t.feedback.countyTitle}>
          {feedbackViews.map((v) => (
            <Link
              key={v}
              href={`/admin/feedback?view=${v}`}
              aria-current={v === view ? "page" : undefined}
              className={`flex min-h-11 items-center justify-center rounded-lg ${v === view ? "bg-brand text-white" : "bg-white text-stone-800"}`}
            >
              {t.feedback.views[v]}
              {v === "open" ? ` ${counts.open}` : v === "overdue" ? ` ${counts.overdue}` : ""}
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? (
          <EmptyState>{t.feedback.countyEmpty}</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label={t.feedback.views[view]}>
            {rows.map((item) => (
              <li key={item.id} className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
                <FeedbackItem item={item} />
                <p className="text-sm text-stone-700">
                  {t.feedback.sender}：
                  {item.senderName
                    ? `${item.senderName} ${item.senderPhone ? maskPhone(item.senderPhone) : ""}`
                    : t.feedback.signedOutSender}
                  {item.contact ? ` · ${item.contact}` : ""}
                </p>
                {item.anonymous && (
                  <p className="rounded-lg bg-amber-50 p-2 text-sm text-amber-900">{t.feedback.anonymousCountyNote}</p>
                )}
                {item.status === "open" && <AnswerForm feedbackId={item.id} />}
              </li>
            ))}
          </ul>
        )}
        <Card title={t.feedback.days}>
          <DeadlineForm days={days} />
        </Card>
      </main>
    </>
  );
}
