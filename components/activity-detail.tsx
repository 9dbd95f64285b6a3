import type { ActivityType } from "@/db/schema/activities";
import { t } from "@/lib/messages";
import { formatWhen } from "@/lib/time";
import { Tag } from "./ui/card";

/** The line under an activity's title in a list: its type, when, where. */
export function ActivityDetail({ type, startsAt, place }: { type: ActivityType; startsAt: Date; place?: string }) {
  return (
    <>
      <Tag tone={type === "theme_day" ? "red" : "blue"}>{t.activityType[type]}</Tag>
      {formatWhen(startsAt)}
      {place && <span className="truncate">{place}</span>}
    </>
  );
}
