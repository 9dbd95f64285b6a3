import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../open";
import { activities } from "../schema/activities";
import { syncRoster } from "./activities";

/**
 * The expected roster of an activity (docs/architecture.md#the-theme-days-rules "Same attendance") is kept by the
 * writes that change it,
 * never by a page that shows it: until the start it follows the branch, from the start it is frozen.
 */

/**
 * After a change to who is in these branches or at home: every activity of theirs that has not started
 * follows the branch again. Call it in the transaction of the change.
 */
export async function followBranches(tx: Db, branchIds: number[], now = new Date()): Promise<void> {
  if (branchIds.length === 0) return;
  const upcoming = await tx
    .select()
    .from(activities)
    .where(
      and(
        inArray(activities.branchId, branchIds),
        eq(activities.status, "scheduled"),
        gt(activities.startsAt, now),
        isNull(activities.rosterFrozenAt),
      ),
    );
  for (const activity of upcoming) await syncRoster(tx, activity, now);
}

/**
 * The roster job: stamps every activity that has started as frozen, at its start. Idempotent (a stamped
 * activity is left alone), so every instance may run it; returns how many it froze.
 */
export async function freezeRosters(db: Db, now = new Date()): Promise<number> {
  const frozen = await db
    .update(activities)
    .set({ rosterFrozenAt: activities.startsAt })
    .where(and(isNull(activities.rosterFrozenAt), lte(activities.startsAt, now)))
    .returning({ id: activities.id });
  return frozen.length;
}
