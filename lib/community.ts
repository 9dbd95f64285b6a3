/**
 * Pure rules of community reporting and volunteer hours, apart from the database so they can be
 * unit tested. Hours are counted in half-hour steps (`halfHours`), the unit volunteer services record.
 */

/** A confirmed report is current for six months; the member is reminded to renew in the last month. */
export const REPORT_VALID_MONTHS = 6;
const RENEW_NOTICE_DAYS = 30;
/** At most 12 hours of service recorded for one member on one day. */
export const DAY_LIMIT_HALF_HOURS = 24;
export const DESCRIPTION_MAX = 500;

const OFFSET_MS = 8 * 3600_000;

/** The day a report stops being current: six calendar months after its confirmation. */
export function reportExpiresAt(confirmedAt: Date): Date {
  const at = new Date(confirmedAt);
  at.setUTCMonth(at.getUTCMonth() + REPORT_VALID_MONTHS);
  return at;
}

export type ReportStanding = "none" | "pending" | "current" | "due" | "expired";

/** Where a member stands: no report, waiting for the grid worker, current, due for renewal soon, or lapsed. */
export function reportStanding(report: { status: string; decidedAt: Date | null } | null, now: Date): ReportStanding {
  if (!report) return "none";
  if (report.status === "pending") return "pending";
  if (report.status !== "confirmed" || !report.decidedAt) return "none";
  const expires = reportExpiresAt(report.decidedAt).getTime();
  if (now.getTime() >= expires) return "expired";
  return expires - now.getTime() <= RENEW_NOTICE_DAYS * 86_400_000 ? "due" : "current";
}

/** Hours as typed (1.5) to half-hour steps (3); null when not a positive multiple of 0.5. */
export function toHalfHours(hours: number): number | null {
  const half = hours * 2;
  return Number.isInteger(half) && half > 0 ? half : null;
}

export const formatHours = (halfHours: number) => `${halfHours / 2}`;

/** The longest entry an activity allows: its length, rounded down to a half hour (never under half an hour). */
export const activityCapHalfHours = (minutes: number) => Math.max(1, Math.floor(minutes / 30));

/** Today's date in Shanghai, as 2026-11-26. */
export const shanghaiDate = (at: Date) => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The quarter a date lies in, as { year, quarter } and its first and last days (inclusive) as yyyy-mm-dd. */
export function quarterOf(day: string): { year: number; quarter: number; from: string; to: string } {
  const [year, month] = day.split("-").map(Number);
  const quarter = Math.floor((month - 1) / 3) + 1;
  return { year, quarter, ...quarterRange(year, quarter) };
}

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** A quarter chosen in a URL (2026-Q4), or the current one. */
export function parseQuarter(value: string | undefined, now: Date): { year: number; quarter: number } {
  const match = /^(\d{4})-Q([1-4])$/.exec(value ?? "");
  if (match) return { year: Number(match[1]), quarter: Number(match[2]) };
  const { year, quarter } = quarterOf(shanghaiDate(now));
  return { year, quarter };
}

/** The quarter before or after, as used in URLs (2026-Q4). */
export function shiftQuarter(q: { year: number; quarter: number }, by: 1 | -1): string {
  const index = q.year * 4 + (q.quarter - 1) + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
