import type { ReminderKind } from "./enums";

/**
 * The rules of reaching members beyond the in-app notice (docs/reminders-and-sms.md): when an SMS may go,
 * when each reminder fires, how a send is retried. Pure, so each is unit-tested with a fixed clock.
 */

const HOUR = 3600_000;
const OFFSET = 8 * HOUR; // Asia/Shanghai, no daylight saving

/** Shanghai wall-clock hour of an instant. */
const hourOf = (at: Date) => new Date(at.getTime() + OFFSET).getUTCHours();

/** The instant of `hour`:00 Shanghai time on the Shanghai day of `at`, shifted by `days`. */
function shanghaiAt(at: Date, hour: number, days = 0): Date {
  const local = new Date(at.getTime() + OFFSET);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, hour) - OFFSET);
}

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/**
 * When an SMS queued now may be sent: now outside 21:00–08:00, else at 08:00 — unless the activity it is
 * about starts before then, when waiting would make it useless.
 */
export function smsSendableAt(now: Date, activityStartsAt?: Date | null): Date {
  const hour = hourOf(now);
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return now;
  const quietEnd = shanghaiAt(now, QUIET_UNTIL_HOUR, hour >= QUIET_FROM_HOUR ? 1 : 0);
  if (activityStartsAt && activityStartsAt < quietEnd) return now;
  return quietEnd;
}

/** 19:00 Shanghai the day before the activity. */
export const eveningBefore = (startsAt: Date) => shanghaiAt(startsAt, 19, -1);
/** One hour before the start. */
export const hourBefore = (startsAt: Date) => new Date(startsAt.getTime() - HOUR);
/** 24 hours before the start: who has not read the notice by then is told again. */
export const dayBeforeStart = (startsAt: Date) => new Date(startsAt.getTime() - 24 * HOUR);

/** 09:00 Shanghai the day before: the secretary still has the day to decide the leave requests waiting. */
export const morningBefore = (startsAt: Date) => shanghaiAt(startsAt, 9, -1);
/** 09:00 Shanghai on the third day after the start's: a theme day not closed by then is chased. */
export const thirdMorningAfter = (startsAt: Date) => shanghaiAt(startsAt, 9, 3);

/** When a scheduled reminder of `kind` fires for an activity starting at `startsAt`. */
export function reminderTime(kind: ReminderKind, startsAt: Date): Date {
  if (kind === "evening_before") return eveningBefore(startsAt);
  if (kind === "hour_before") return hourBefore(startsAt);
  if (kind === "leave_digest") return morningBefore(startsAt);
  if (kind === "not_closed") return thirdMorningAfter(startsAt);
  return dayBeforeStart(startsAt);
}

/** A throttled or failed send is tried again after 1, 2, 4 … minutes, at most this many times. */
export const SMS_MAX_ATTEMPTS = 6;
export const smsBackoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

/**
 * Aliyun's answer codes (SendSms `Code`) that mean "later": flow control per number, per minute or per
 * account. Any other code but OK is a refusal that asking again will not change.
 */
export function isThrottled(code: string): boolean {
  return (
    code === "isv.BUSINESS_LIMIT_CONTROL" || code.startsWith("Throttling") || code === "isp.RAM_PERMISSION_DENY_LATER"
  );
}

/**
 * An SMS template's parameters: Aliyun limits a variable to 35 characters, and a message is cut into
 * 70-character segments (each billed), so the title is shortened rather than split.
 */
export function smsParams(title: string, when: string): { title: string; time: string } {
  const clean = (s: string) =>
    s
      .replace(/https?:\/\/\S+/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const short = clean(title);
  return { title: short.length > 20 ? `${short.slice(0, 19)}…` : short, time: clean(when).slice(0, 20) };
}

/** The county's monthly SMS allowance: the default of a new county, and the most the settings page accepts. */
export const SMS_CAP_DEFAULT = 3000;
export const SMS_CAP_MAX = 1_000_000;
