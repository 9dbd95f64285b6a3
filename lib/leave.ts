import type { LeaveStatus } from "./enums";

/**
 * Pure rules of leave and make-up study, kept apart from the database so they can be unit tested.
 */

/**
 * Days after the activity's end by which the make-up study is due. TODO: a county setting once there is a
 * settings table; until then every county gets the 14 days the issue names.
 */
export const MAKEUP_DUE_DAYS = 14;
export const REASON_MAX = 500;
export const REFLECTION_MIN = 50;
export const REFLECTION_MAX = 2000;

type ActivityTimes = { startsAt: Date; durationMinutes: number; status: "scheduled" | "closed" };

/**
 * What a member may file now: a leave request until the start; from the start until the secretary closes
 * the activity only a late reason (recorded as such, accepted or not by the secretary); afterwards nothing.
 */
export function leaveWindow(activity: Omit<ActivityTimes, "durationMinutes">, now: Date): "open" | "late" | "closed" {
  if (activity.status === "closed") return "closed";
  return now < activity.startsAt ? "open" : "late";
}

export const activityEnd = (activity: Pick<ActivityTimes, "startsAt" | "durationMinutes">) =>
  new Date(activity.startsAt.getTime() + activity.durationMinutes * 60_000);

export const makeupDueAt = (activity: Pick<ActivityTimes, "startsAt" | "durationMinutes">) =>
  new Date(activityEnd(activity).getTime() + MAKEUP_DUE_DAYS * 86_400_000);

export type MakeupState = "todo" | "overdue" | "submitted" | "confirmed";

/** Overdue means nothing handed in by the due time; a reflection waiting for the secretary is not late. */
export function makeupState(
  task: { dueAt: Date; submittedAt: Date | null; confirmedAt: Date | null },
  now: Date,
): MakeupState {
  if (task.confirmedAt) return "confirmed";
  if (task.submittedAt) return "submitted";
  return now > task.dueAt ? "overdue" : "todo";
}

/** Decisions stand until the activity closes; a withdrawn request is over, and a decision is not repeated. */
export function decisionBlocked(
  leave: { status: LeaveStatus },
  activity: { status: "scheduled" | "closed" },
  to: "approved" | "rejected",
): "closed" | "withdrawn" | "same" | null {
  if (activity.status === "closed") return "closed";
  if (leave.status === "withdrawn") return "withdrawn";
  if (leave.status === to) return "same";
  return null;
}
