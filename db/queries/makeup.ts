import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { makeupState } from "@/lib/leave";
import { t } from "@/lib/messages";
import { canConfirmMakeup, type LeaveSubject } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { within } from "../period";
import { activities } from "../schema/activities";
import { makeupTasks } from "../schema/leave";
import { writeAudit } from "./audit";
import { decidersOf, loadLeave } from "./leave";
import { notify } from "./notify";
import { award } from "./points";

/**
 * Make-up study (补学): the member reads the activity's materials and writes a reflection, at any time
 * after the approval (studying early is fine), and may rewrite it until the secretary confirms it.
 */

async function loadTask(db: Db, scope: Scope, taskId: number, allowed: (scope: Scope, leave: LeaveSubject) => boolean) {
  const [task] = await db.select().from(makeupTasks).where(eq(makeupTasks.id, taskId));
  if (!task) throw new AppError("not_found");
  return { task, ...(await loadLeave(db, scope, task.leaveId, allowed)) };
}

export async function submitReflection(
  db: Db,
  scope: Scope,
  input: { taskId: number; reflection: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { task, activity, subject, branchPath, memberName } = await loadTask(
      tx,
      scope,
      input.taskId,
      (s, l) => s.userId === l.memberId,
    );
    const [saved] = await tx
      .update(makeupTasks)
      .set({ reflection: input.reflection, submittedAt: now })
      .where(and(eq(makeupTasks.id, task.id), isNull(makeupTasks.confirmedAt)))
      .returning({ id: makeupTasks.id });
    if (!saved) throw new AppError("conflict", t.leave.makeup.alreadyConfirmed);
    // The first hand-in is news for the secretary; rewording it before confirmation is not.
    if (!task.submittedAt) {
      await notify(tx, await decidersOf(tx, subject), {
        kind: "leave",
        activityId: activity.id,
        title: t.leave.notice.makeupSubmitted(memberName, activity.title),
      });
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "makeup.submit",
      targetType: "makeup_task",
      targetId: task.id,
      nodePath: branchPath,
      detail: { activityId: activity.id, length: input.reflection.length, again: Boolean(task.submittedAt) },
    });
  });
}

/** The secretary (the committee, for a secretary's own) accepts the reflection; this is what completes the make-up. */
export async function confirmMakeup(db: Db, scope: Scope, input: { taskId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { task, activity, branchPath } = await loadTask(tx, scope, input.taskId, canConfirmMakeup);
    if (!task.submittedAt) throw new AppError("conflict", t.leave.makeup.notSubmitted);
    const [done] = await tx
      .update(makeupTasks)
      .set({ confirmedBy: scope.userId, confirmedAt: now })
      .where(and(eq(makeupTasks.id, task.id), isNull(makeupTasks.confirmedAt)))
      .returning({ id: makeupTasks.id });
    if (!done) throw new AppError("conflict", t.leave.makeup.alreadyConfirmed);
    await award(tx, {
      memberId: task.memberId,
      code: "makeup_confirmed",
      sourceType: "makeup",
      sourceId: task.id,
      occurredAt: now,
      causedBy: scope.userId,
      reason: `${t.points.rules.makeup_confirmed}：${activity.title}`,
    });
    await notify(tx, [task.memberId], {
      kind: "leave",
      activityId: activity.id,
      title: t.leave.notice.makeupConfirmed(activity.title),
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "makeup.confirm",
      targetType: "makeup_task",
      targetId: task.id,
      nodePath: branchPath,
      detail: { activityId: activity.id, memberId: task.memberId },
    });
  });
}

/** The caller's own make-up study not yet confirmed, soonest due first: what the home page asks them to do. */
export async function myOpenMakeup(db: Db, scope: Scope, now = new Date()) {
  const rows = await db
    .select({
      id: makeupTasks.id,
      leaveId: makeupTasks.leaveId,
      title: activities.title,
      dueAt: makeupTasks.dueAt,
      submittedAt: makeupTasks.submittedAt,
      confirmedAt: makeupTasks.confirmedAt,
    })
    .from(makeupTasks)
    .innerJoin(activities, eq(activities.id, makeupTasks.activityId))
    .where(and(eq(makeupTasks.memberId, scope.userId), isNull(makeupTasks.confirmedAt)))
    .orderBy(asc(makeupTasks.dueAt));
  return rows.map((r) => ({
    id: r.id,
    leaveId: r.leaveId,
    title: r.title,
    dueAt: r.dueAt,
    state: makeupState(r, now),
  }));
}

/** Make-up study owed and done per branch, for the activities that started in [from, to): for the reports. */
export function makeupByBranch(db: Db, from: Date, to: Date) {
  return db
    .select({
      branchId: activities.branchId,
      owed: sql<number>`count(*)::int`,
      done: sql<number>`count(${makeupTasks.confirmedAt})::int`,
    })
    .from(makeupTasks)
    .innerJoin(activities, eq(activities.id, makeupTasks.activityId))
    .where(within(activities.startsAt, from, to))
    .groupBy(activities.branchId);
}
