import "server-only";
import type { Db } from "@/db/open";
import { loadActivity } from "@/db/queries/activities";
import { attendanceSummary } from "@/db/queries/checkin-screen";
import { AppError } from "../errors";
import { canReadRoster } from "../permissions";
import type { Scope } from "../scope";

/**
 * The secretary's live counts (GET /api/v1/activities/<id>/attendance), polled every 5 s by each open
 * check-in screen: read from the database at most once per LIVE_COUNTS_MS per activity and instance, and
 * served from that copy in between, so a county's screens cost a permission check each instead of a scan of
 * the roster. The copy is the same for everyone allowed to see it (the branch's roster managers and the
 * admins above): each caller is checked against the activity's branch before it is handed over. A check-in
 * shows within LIVE_COUNTS_MS plus the screen's own polling interval (docs/scaling.md).
 */
export const LIVE_COUNTS_MS = 2_000;
const MAX_ENTRIES = 2_000;

type Summary = Awaited<ReturnType<typeof attendanceSummary>>;
type Copies = Map<number, { at: number; branchPath: string; summary: Summary }>;
// One set of copies per database read from: a copy taken from the replica is never handed to someone whose
// reads go to the primary because they just wrote (lib/server/read-db.ts).
const copiesByDb = new WeakMap<Db, Copies>();

export async function liveAttendance(db: Db, scope: Scope, activityId: number, now = Date.now()): Promise<Summary> {
  let copies = copiesByDb.get(db);
  if (!copies) {
    copies = new Map();
    copiesByDb.set(db, copies);
  }
  const copy = copies.get(activityId);
  if (copy && now - copy.at < LIVE_COUNTS_MS) {
    if (!canReadRoster(scope, copy.branchPath)) throw new AppError("forbidden");
    return copy.summary;
  }
  const { branchPath } = await loadActivity(db, scope, activityId, canReadRoster);
  const summary = await attendanceSummary(db, scope, activityId);
  if (copies.size >= MAX_ENTRIES) {
    for (const [id, old] of copies) if (now - old.at >= LIVE_COUNTS_MS) copies.delete(id);
  }
  copies.set(activityId, { at: now, branchPath, summary });
  return summary;
}
