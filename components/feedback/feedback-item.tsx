import { t } from "@/lib/messages";
import { formatWhen } from "@/lib/time";

export interface FeedbackShown {
  kind: "complaint" | "suggestion";
  subject: "app" | "branch";
  branchName: string | null;
  anonymous: boolean;
  body: string;
  status: "open" | "answered";
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  overdue: boolean;
  answeredLate: boolean;
}

/** One complaint or suggestion with its status, deadline and answer, as its sender or the county sees it. */
export function FeedbackItem({ item }: { item: FeedbackShown }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded bg-stone-100 px-2 py-0.5">{t.feedback.kinds[item.kind]}</span>
        <span
          className={`rounded px-2 py-0.5 ${item.status === "answered" ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}
        >
          {t.feedback.status[item.status]}
        </span>
        {item.overdue && <span className="rounded bg-red-100 px-2 py-0.5 text-red-800">{t.feedback.overdue}</span>}
        {item.answeredLate && (
          <span className="rounded bg-red-50 px-2 py-0.5 text-red-800">{t.feedback.answeredLate}</span>
        )}
        {item.anonymous && <span className="rounded bg-stone-100 px-2 py-0.5">{t.feedback.anonymousFlag}</span>}
      </div>
      <p className="text-sm text-stone-600">
        {item.subject === "branch" ? item.branchName : t.feedback.subjects.app} ·{" "}
        {t.feedback.sentAt(formatWhen(item.createdAt))}
      </p>
      <p className="whitespace-pre-wrap text-stone-900">{item.body}</p>
      <p className="text-sm text-stone-600">{t.feedback.dueBy(formatWhen(item.dueAt))}</p>
      {item.answer ? (
        <div className="rounded-lg bg-green-50 p-3">
          <p className="text-sm font-medium text-green-900">
            {t.feedback.answer} · {item.answeredAt && t.feedback.answeredAt(formatWhen(item.answeredAt))}
          </p>
          <p className="whitespace-pre-wrap text-stone-900" data-testid="feedback-answer">
            {item.answer}
          </p>
        </div>
      ) : (
        <p className="text-sm text-stone-600">{t.feedback.noAnswerYet}</p>
      )}
    </div>
  );
}
