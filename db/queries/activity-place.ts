import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { formatWhen } from "@/lib/time";
import type { Db } from "../open";
import { activities } from "../schema/activities";
import { loadActivity, syncRoster } from "./activities";
import { writeAudit } from "./audit";
import { notify } from "./notify";

/**
 * The branch's own place for an activity, set by whoever runs it. Unlike the time (one county-wide start,
 * moved only by an approved schedule change) the place is the branch's to choose, so it needs no request;
 * the expected members are told, as they are of a new time. Changing to the same place changes nothing.
 */
export async function setActivityPlace(
  db: Db,
  scope: Scope,
  input: { activityId: number; place: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    if (activity.status === "closed") throw new AppError("conflict", t.run.closed);
    if (activity.place === input.place) return { changed: false, notified: 0 };
    // Guarded on the status so a close committed meanwhile is not followed by a change of place.
    const [updated] = await tx
      .update(activities)
      .set({ place: input.place })
      .where(and(eq(activities.id, activity.id), eq(activities.status, "scheduled")))
      .returning();
    if (!updated) throw new AppError("conflict", t.run.closed);
    const expected = await syncRoster(tx, updated, now);
    await notify(tx, expected, {
      kind: "place_change",
      activityId: activity.id,
      title: t.run.placeNotice,
      body: t.run.placeBody(activity.title, formatWhen(activity.startsAt), input.place),
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "activity.place",
      targetType: "activity",
      targetId: activity.id,
      nodePath: activity.branchPath,
      detail: { from: activity.place, to: input.place, notified: expected.length },
    });
    return { changed: true, notified: expected.length };
  });
}
