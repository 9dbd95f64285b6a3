/**
 * The throttle of what anyone may do from the sign-in page without an account (lib/login-throttle.ts is the
 * sign-in's own): per address, counted in PostgreSQL so every instance sees the same numbers.
 *
 * - Sending a complaint or suggestion: at most 5 in an hour. A person has one or two things to say; a script
 *   filling the county's inbox has hundreds.
 * - Looking up an answer by receipt code: at most 10 wrong codes in 15 minutes. Codes carry about 60 bits,
 *   so guessing is hopeless anyway; the limit keeps a script from trying.
 * A meeting room behind one NAT address sends a handful, well under either limit.
 */
export const SEND_LIMIT = 5;
export const SEND_WINDOW_MS = 60 * 60_000;
export const LOOKUP_FAILURES = 10;
export const LOOKUP_WINDOW_MS = 15 * 60_000;

export type PublicAttemptKind = "feedback" | "receipt";

export const windowOf = (kind: PublicAttemptKind) => (kind === "feedback" ? SEND_WINDOW_MS : LOOKUP_WINDOW_MS);

/**
 * When the address may try again, or null. `attempts` are this address's of this kind inside the window, the
 * one being decided included: every send counts, only failed look-ups do.
 */
export function publicLockedUntil(
  kind: PublicAttemptKind,
  attempts: { succeeded: boolean; createdAt: Date }[],
  now: Date,
): Date | null {
  const window = windowOf(kind);
  const limit = kind === "feedback" ? SEND_LIMIT : LOOKUP_FAILURES;
  const counted = attempts
    .filter((a) => (kind === "feedback" || !a.succeeded) && now.getTime() - a.createdAt.getTime() < window)
    .map((a) => a.createdAt.getTime())
    .sort((a, b) => b - a);
  if (counted.length <= limit) return null;
  // The oldest counted besides this one: once it leaves the window, the next attempt makes exactly `limit`.
  return new Date(counted[limit] + window);
}
