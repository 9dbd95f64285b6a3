/**
 * The privacy notice (docs/privacy.md). Its version goes up whenever what it says changes; everyone who has
 * not acknowledged the current version is shown it at their next page (proxy.ts) until they do.
 */
export const PRIVACY_VERSION = 1;
/** The day the current version took effect, shown on the notice. */
export const PRIVACY_EFFECTIVE = "2026-12-03";

/**
 * How long each kind of record is kept, as the notice states it. `days` is enforced by the retention job
 * (db/queries/retention.ts); `null` means kept as the branch's Party records for as long as the member
 * belongs to the county's organisation, or for good where the rules say so (complaints are never deleted).
 */
export const retention = [
  { kind: "account", days: null },
  { kind: "attendance", days: null },
  { kind: "points", days: null },
  { kind: "leave", days: null },
  { kind: "community", days: null },
  { kind: "feedback", days: null },
  { kind: "acknowledgements", days: null },
  { kind: "audit", days: 180 },
  { kind: "signIn", days: 1 },
  { kind: "publicAttempts", days: 1 },
  { kind: "pushQueued", days: 7 },
] as const;

export type RetentionKind = (typeof retention)[number]["kind"];

/** Where the acknowledgement page may send the person on: one of our own paths, never another site. */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/^\/(privacy|login)(\/|\?|$)/.test(next)) return "/";
  return next;
}
