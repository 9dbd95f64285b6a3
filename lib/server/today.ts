import "server-only";
import type { Db } from "@/db/open";
import { myToday } from "@/db/queries/today";
import { checkinWindow } from "../checkin-window";
import { PRIVACY_VERSION } from "../privacy";
import type { Scope } from "../scope";
import { rolesHeld } from "../scope-paths";
import { branchNextActivity } from "./branch-copies";

/**
 * What the start page (/today, a static shell) fetches: the one lean read of GET /api/v1/today. The branch's
 * next activity is the per-branch copy the home uses (lib/server/branch-copies.ts, NEXT_ACTIVITY_COPY_MS); the
 * rest is the caller's own, read afresh by their user id. Someone who is not a member is told so (the page
 * sends them to their home), and so is someone who has not acknowledged the current privacy notice — with
 * nothing else, as proxy.ts holds back every page until they have.
 */
export async function todayFor(db: Db, scope: Scope, now = new Date()) {
  if (!scope.member) return { state: "not_member" as const };
  const next = await branchNextActivity(db, scope, now.getTime());
  const mine = await myToday(db, scope, next?.id ?? null);
  if (!mine || mine.privacyVersion < PRIVACY_VERSION) return { state: "privacy_due" as const };
  const window = next ? checkinWindow(next, now) : null;
  return {
    state: "member" as const,
    userId: scope.userId,
    now: now.toISOString(),
    name: mine.name,
    elderMode: mine.elderMode,
    unread: mine.unread,
    // The workbenches the tab bar offers besides the member's own tabs (components/tabs.ts).
    roles: [...rolesHeld(scope)],
    next: next && window && { ...next, opensAt: window.opensAt, closesAt: window.closesAt },
    checkin: mine.checkin,
    leave: mine.leave,
  };
}

export type Today = Awaited<ReturnType<typeof todayFor>>;
