/**
 * Sign-in throttling policy (docs/security.md, OWASP ASVS 6.3.1), as pure functions over the attempts that
 * db/queries/login-attempts.ts reads from PostgreSQL, so that every app instance sees the same counts.
 *
 * - Per account: 5 failures within 15 minutes lock the phone number for 15 minutes from the fifth. A
 *   success clears the streak. Attempts made while locked are refused without checking the password and
 *   are not recorded, so they neither extend the lock nor cost an Argon2 hash.
 * - Per account, whatever happens in between (the owner signing in resets the streak): at most 100
 *   failures in any hour.
 * - Per address: at most 300 failures in 15 minutes, and only failures count. On theme day a whole branch
 *   signs in from one meeting-room Wi-Fi (one NAT address): a branch has at most about 50 members, and each
 *   of them can fail at most 5 times before their own account locks, so even a room where everyone locks
 *   themselves out (250) leaves the others able to sign in. The per-account limits do the real protecting;
 *   this one only slows spraying one password across many numbers from one address.
 */
export const ACCOUNT_FAILURES = 5;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
export const HOURLY_FAILURES = 100;
export const HOUR_MS = 60 * 60_000;
export const ADDRESS_FAILURES = 300;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
/** How far back the policy needs to look: the longest of its windows. */
export const LOOKBACK_MS = HOUR_MS;

export interface Attempt {
  succeeded: boolean;
  createdAt: Date;
}

export type Verdict = { locked: false } | { locked: true; reason: "account" | "hourly" | "address"; until: Date };

/** When the account's lock ends, or null if it is not locked; `attempts` are this phone's, in any order. */
export function accountLockedUntil(attempts: Attempt[], now: Date): Date | null {
  const sorted = [...attempts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  let streak: Date[] = [];
  let until: Date | null = null;
  for (const attempt of sorted) {
    const at = attempt.createdAt.getTime();
    if (attempt.succeeded) {
      streak = [];
      continue;
    }
    if (until && at < until.getTime()) continue; // a race between instances: already locked
    streak = streak.filter((d) => at - d.getTime() < ACCOUNT_WINDOW_MS);
    streak.push(attempt.createdAt);
    if (streak.length >= ACCOUNT_FAILURES) {
      until = new Date(at + ACCOUNT_LOCK_MS);
      streak = [];
    }
  }
  return until && until > now ? until : null;
}

/** The hard cap: the 100th failure in the last hour blocks until the oldest of them is an hour old. */
export function hourlyLockedUntil(attempts: Attempt[], now: Date): Date | null {
  const failures = attempts
    .filter((a) => !a.succeeded && now.getTime() - a.createdAt.getTime() < HOUR_MS)
    .map((a) => a.createdAt.getTime())
    .sort((a, b) => b - a);
  if (failures.length < HOURLY_FAILURES) return null;
  return new Date(failures[HOURLY_FAILURES - 1] + HOUR_MS);
}

/** `failures` are this address's failures (any phone) in the last ADDRESS_WINDOW_MS. */
export function addressLockedUntil(failures: Date[], now: Date): Date | null {
  const recent = failures
    .map((d) => d.getTime())
    .filter((at) => now.getTime() - at < ADDRESS_WINDOW_MS)
    .sort((a, b) => b - a);
  if (recent.length < ADDRESS_FAILURES) return null;
  return new Date(recent[ADDRESS_FAILURES - 1] + ADDRESS_WINDOW_MS);
}

/** Whether the next attempt for this phone from this address may be checked at all. */
export function verdict(accountAttempts: Attempt[], addressFailures: Date[], now: Date): Verdict {
  const account = accountLockedUntil(accountAttempts, now);
  if (account) return { locked: true, reason: "account", until: account };
  const hourly = hourlyLockedUntil(accountAttempts, now);
  if (hourly) return { locked: true, reason: "hourly", until: hourly };
  const address = addressLockedUntil(addressFailures, now);
  if (address) return { locked: true, reason: "address", until: address };
  return { locked: false };
}

/** Whole minutes left, rounded up, never 0: "请 1 分钟后再试" rather than "0 分钟". */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
