import type { myCheckin } from "@/db/queries/checkins";
import { checkinWindow } from "@/lib/checkin-window";
import { checkin as checkinText } from "@/lib/messages/checkin";
import { checkinReview } from "@/lib/messages/checkin-review";
import { run } from "@/lib/messages/run";
import { TIME_ZONE } from "@/lib/time";
import { CheckinEntry, DisputeForm } from "./my-checkin-parts";
import { Card, Tag } from "./ui/card";

const hhmm = new Intl.DateTimeFormat("zh-CN", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: TIME_ZONE,
});

const offlineLabel = {
  pending: checkinReview.offlinePendingTag,
  confirmed: checkinReview.offlineTag,
  rejected: checkinReview.offlineRejectedTag,
};

/**
 * The member's check-in on their activity page (and on the 长辈模式 home): scanning the QR code or typing the
 * code while the window is open, then their own record — when, late or not, and, for a proxy entry, who
 * made it, with a way to dispute it.
 */
export function MyCheckin({
  activity,
  checkin,
  now = new Date(),
  elder = false,
}: {
  activity: { id: number; startsAt: Date; durationMinutes: number; status: "scheduled" | "closed" };
  checkin: Awaited<ReturnType<typeof myCheckin>> | null;
  now?: Date;
  elder?: boolean;
}) {
  const { open } = checkinWindow(activity, now);
  if (!checkin && !open) return null;
  const withdrawn = checkin?.review === "rejected" || checkin?.dispute === "upheld";
  return (
    <Card title={checkinText.title}>
      {checkin ? (
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-2">
            {/* A rejected offline scan or a proxy entry removed on dispute no longer counts: say so. */}
            {withdrawn ? (
              <Tag tone="red">{checkinReview.withdrawn}</Tag>
            ) : (
              <Tag tone={checkin.late ? "amber" : "green"}>{checkin.late ? run.late : run.present}</Tag>
            )}
            {(checkin.late ? checkinText.late : checkinText.done)(hhmm.format(checkin.at))}
            {checkin.offline && <Tag>{offlineLabel[checkin.review ?? "pending"]}</Tag>}
          </p>
          {checkin.method === "proxy" && (
            <>
              <p className="text-stone-700">
                {checkinText.proxied(checkin.proxyByName ?? "")}
                {checkin.proxyReason && `：${checkin.proxyReason}`}
              </p>
              {checkin.dispute ? (
                <Tag tone="amber">{checkinReview.disputeState[checkin.dispute]}</Tag>
              ) : (
                <DisputeForm checkinId={checkin.id} />
              )}
            </>
          )}
        </div>
      ) : (
        <CheckinEntry activityId={activity.id} elder={elder} />
      )}
    </Card>
  );
}
