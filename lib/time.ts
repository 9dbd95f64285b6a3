/** All dates are shown and reasoned about in Asia/Shanghai (UTC+8, no daylight saving). */
export const TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 3600_000;

/** The month an instant falls in, in Shanghai, as 2026-12. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** The first instant of a month (2026-12) and of the month after it. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number);
  return { from: new Date(Date.UTC(y, m - 1, 1) - OFFSET_MS), to: new Date(Date.UTC(y, m, 1) - OFFSET_MS) };
}

/** A `datetime-local` value (2026-12-01T09:00), read as Shanghai time. */
export function fromLocalInput(value: string): Date {
  return new Date(`${value}:00+08:00`);
}

/** The reverse, for a form's default value. */
export function toLocalInput(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  month: "long",
  day: "numeric",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: TIME_ZONE,
});
const fullDateTime = new Intl.DateTimeFormat("zh-CN", {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: TIME_ZONE,
});

/** 12月1日周二 09:00 */
export const formatWhen = (at: Date) => dateTime.format(at);
/** 2026年12月1日 09:00 */
export const formatFull = (at: Date) => fullDateTime.format(at);

/** The month before or after (2026-12 → 2027-01). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const at = new Date(Date.UTC(y, m - 1 + by, 1));
  return at.toISOString().slice(0, 7);
}
