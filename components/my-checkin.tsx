import { OPENS_BEFORE_MS } from "@/db/queries/activity-run";
import type { myCheckin } from "@/db/queries/checkins";
import { t } from "@/lib/messages";
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
  pending: t.checkinReview.offlinePendingTag,
  confirmed: t.checkinReview.offlineTag,
  rejected: t.checkinReview.offlineRejectedTag,
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
  const opens = activity.startsAt.getTime() - OPENS_BEFORE_MS;
  const closes = activity.startsAt.getTime() + activity.durationMinutes * 60_000;
  const open = activity.status === "scheduled" && now.getTime() >= opens && now.getTime() <= closes;
  if (!checkin && !open) return null;
  const withdrawn = checkin?.review === "rejected" || checkin?.dispute === "upheld";
  return (
    <Card title={t.checkin.title}>
      {checkin ? (
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-2">
            {/* A rejected offline scan or a proxy entry removed on dispute no longer counts: say so. */}
            {withdrawn ? (
              <Tag tone="red">{t.checkinReview.withdrawn}</Tag>
            ) : (
              <Tag tone={checkin.late ? "amber" : "green"}>{checkin.late ? t.run.late : t.run.present}</Tag>
            )}
            {(checkin.late ? t.checkin.late : t.checkin.done)(hhmm.format(checkin.at))}
            {checkin.offline && <Tag>{offlineLabel[checkin.review ?? "pending"]}</Tag>}
          </p>
          {checkin.method === "proxy" && (
            <>
              <p className="text-stone-700">
                {t.checkin.proxied(checkin.proxyByName ?? "")}
                {checkin.proxyReason && `：${checkin.proxyReason}`}
              </p>
              {checkin.dispute ? (
                <Tag tone="amber">{t.checkinReview.disputeState[checkin.dispute]}</Tag>
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
