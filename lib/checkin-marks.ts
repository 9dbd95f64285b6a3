import { checkinReview } from "./messages/checkin-review";

/** What is known of how an attendance came about, from its row, its check-in and any dispute. */
export interface CheckinFacts {
  source?: string | null;
  method?: string | null;
  offline?: boolean | null;
  review?: string | null;
  dispute?: string | null;
}

export type CheckinMark = "host" | "proxy" | "disputed" | "offline" | "offlinePending" | "offlineRejected";

/**
 * The marks that set an attendance apart from a plain scan, for every place it is shown (run screen,
 * check-in screen, export, the member's history): a proxy entry, an offline scan and where its review
 * stands, the host, an open dispute.
 */
export function checkinMarks(facts: CheckinFacts): CheckinMark[] {
  const marks: CheckinMark[] = [];
  if (facts.source === "host") marks.push("host");
  if (facts.method === "proxy" || facts.source === "proxy") marks.push(facts.dispute === "open" ? "disputed" : "proxy");
  if (facts.offline)
    marks.push(
      facts.review === "pending" ? "offlinePending" : facts.review === "rejected" ? "offlineRejected" : "offline",
    );
  return marks;
}

export const markLabel: Record<CheckinMark, string> = {
  host: checkinReview.hostTag,
  proxy: checkinReview.proxyTag,
  disputed: checkinReview.disputedTag,
  offline: checkinReview.offlineTag,
  offlinePending: checkinReview.offlinePendingTag,
  offlineRejected: checkinReview.offlineRejectedTag,
};

/** A name with its marks, as text: 张三（代签） */
export const markedName = (name: string, marks: CheckinMark[]) =>
  marks.length ? `${name}（${marks.map((m) => markLabel[m]).join("，")}）` : name;
