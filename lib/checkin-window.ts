/** Check-in, proxy entries and agenda steps open this long before the start. */
export const OPENS_BEFORE_MS = 30 * 60_000;

export interface WindowInput {
  startsAt: Date;
  durationMinutes: number;
  status: "scheduled" | "closed";
}

/**
 * When a member may check in to an activity: from OPENS_BEFORE_MS before its start until its planned end, while
 * it is not closed. The one rule the home, /today, the activity page and the check-in itself follow.
 */
export function checkinWindow(activity: WindowInput, now: Date) {
  const opensAt = new Date(activity.startsAt.getTime() - OPENS_BEFORE_MS);
  const closesAt = new Date(activity.startsAt.getTime() + activity.durationMinutes * 60_000);
  const at = now.getTime();
  const open = activity.status === "scheduled" && at >= opensAt.getTime() && at <= closesAt.getTime();
  return { opensAt, closesAt, open, opensLater: activity.status === "scheduled" && at < opensAt.getTime() };
}
