import type { Scope } from "./scope";
import { holdsRole, REVIEWER_ROLES } from "./scope-paths";

/**
 * How long a session lives (docs/security.md, OWASP ASVS 7.3): staff — secretaries, grid workers, admins — act
 * for others and sign out after 30 idle minutes; members mostly check in once a month from their own phone,
 * and a 7-day idle limit keeps them from signing in at every theme day. Admins also have an absolute limit of
 * 12 hours, everyone else of 30 days (the JWT cannot be revoked early except by the session version, so it
 * must not live for ever).
 */
export const STAFF_IDLE_MS = 30 * 60_000;
export const MEMBER_IDLE_MS = 7 * 24 * 3600_000;
export const ADMIN_ABSOLUTE_MS = 12 * 3600_000;
export const OTHER_ABSOLUTE_MS = 30 * 24 * 3600_000;
/** The cookie's own lifetime: the longest idle limit, renewed with every renewal of `seen`. */
export const SESSION_MAX_AGE_S = MEMBER_IDLE_MS / 1000;
/** `seen` is renewed at most this often, so a page view does not re-encrypt the cookie every time. */
export const TOUCH_MS = 60_000;
/** How often a session re-reads its account: a disabled account or a changed role takes effect within this. */
export const RECHECK_MS = 60_000;

export interface SessionTimes {
  /** When the person signed in (ms). */
  since?: number;
  /** When the session was last used (ms). */
  seen?: number;
  /** next-auth's issued-at (s): stands in for both on a token minted before they existed. */
  iat?: number;
}

const isStaff = (scope: Scope) => holdsRole(scope);
const isAdmin = (scope: Scope) => holdsRole(scope, REVIEWER_ROLES);

export const idleLimit = (scope: Scope) => (isStaff(scope) ? STAFF_IDLE_MS : MEMBER_IDLE_MS);
export const absoluteLimit = (scope: Scope) => (isAdmin(scope) ? ADMIN_ABSOLUTE_MS : OTHER_ABSOLUTE_MS);

/** Why the session is over, or null while it is alive. A token without times counts as just issued at `iat`. */
export function sessionEnded(times: SessionTimes, scope: Scope, now: number): "idle" | "absolute" | null {
  const issued = times.iat ? times.iat * 1000 : 0;
  const since = times.since ?? issued;
  const seen = times.seen ?? since;
  if (now - since >= absoluteLimit(scope)) return "absolute";
  if (now - seen >= idleLimit(scope)) return "idle";
  return null;
}

/**
 * Whether the cookie is worth writing again: `seen` is old enough, or the account is due a re-read (which
 * would otherwise be repeated by every request until the cookie carries it).
 */
export const needsTouch = (times: SessionTimes & { checked?: number }, now: number) =>
  now - (times.seen ?? 0) >= TOUCH_MS || now - (times.checked ?? 0) >= RECHECK_MS;
