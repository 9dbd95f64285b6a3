import type { CapPeriod } from "./enums";

/**
 * Pure rules of the points ledger (docs/architecture.md#the-theme-days-rules). Points come from real participation
 * only: these
 * codes are every kind of entry a rule can make, and none is for signing in, reading or time online.
 */
export const RULE_CODES = [
  "theme_day_present",
  "theme_day_late",
  "general_meeting_present",
  "committee_meeting_present",
  "group_meeting_present",
  "party_lecture_present",
  "absent_without_leave",
  "makeup_confirmed",
  "volunteer_hour",
  "community_report",
  "dues_on_time",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** The day every rule's first version takes effect (db/migrations, default rules): nothing earns before it. */
export const POINTS_SINCE = "2000-01-01";

type ActivityType =
  | "theme_day"
  | "general_meeting"
  | "committee_meeting"
  | "group_meeting"
  | "party_lecture"
  | "org_life_meeting"
  | "member_review";

/** The rule an attendance outcome falls under; leave earns and costs nothing. */
export function attendanceRule(type: ActivityType, outcome: string | null): RuleCode | null {
  if (outcome === "absent") return "absent_without_leave";
  if (outcome !== "present" && outcome !== "late") return null;
  if (type === "theme_day") return outcome === "late" ? "theme_day_late" : "theme_day_present";
  // 组织生活会 and 民主评议 are held as a general meeting of the branch's members, and count as one.
  if (type === "org_life_meeting" || type === "member_review") return "general_meeting_present";
  return `${type}_present`;
}

const OFFSET_MS = 8 * 3600_000;

/** The Shanghai calendar period (year, half year or month) an instant falls in, as [from, to). */
export function capWindow(period: CapPeriod, at: Date): { from: Date; to: Date } {
  const local = new Date(at.getTime() + OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const [first, months] = period === "year" ? [0, 12] : period === "half_year" ? [month < 6 ? 0 : 6, 6] : [month, 1];
  return {
    from: new Date(Date.UTC(year, first, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, first + months, 1) - OFFSET_MS),
  };
}

/** What a gain may still add under its cap; deductions are never capped. */
export function capped(points: number, used: number, cap: number | null): number {
  if (points <= 0 || cap === null) return points;
  return Math.max(0, Math.min(points, round1(cap - used)));
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** A share as a whole percentage, or a dash when there was nothing to count. */
export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** +5, −2, +1.5: how a change of points is written. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0");
