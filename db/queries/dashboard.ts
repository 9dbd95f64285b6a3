import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { activities } from "../schema/activities";
import { leaveRequests, makeupTasks } from "../schema/leave";
import { bulletinRollup, monthlyBulletin } from "./point-views";

/**
 * The figures a secretary and an admin see first: this month's attendance, leave waiting for a
 * decision, make-up study past its due date, and members with deductions — from the same queries as the
 * bulletin, so the home page and the bulletin never disagree.
 */

/** Pending leave and overdue make-ups per branch. */
async function openWork(db: Db, branchIds: number[], now: Date) {
  if (branchIds.length === 0) return new Map<number, { pendingLeave: number; overdue: number }>();
  const [pending, overdue] = await Promise.all([
    db
      .select({ branchId: activities.branchId, n: sql<number>`count(*)::int` })
      .from(leaveRequests)
      .innerJoin(activities, eq(activities.id, leaveRequests.activityId))
      .where(
        and(
          inArray(activities.branchId, branchIds),
          eq(leaveRequests.status, "pending"),
          eq(activities.status, "scheduled"),
        ),
      )
      .groupBy(activities.branchId),
    db
      .select({ branchId: activities.branchId, n: sql<number>`count(*)::int` })
      .from(makeupTasks)
      .innerJoin(activities, eq(activities.id, makeupTasks.activityId))
      .where(and(inArray(activities.branchId, branchIds), isNull(makeupTasks.confirmedAt), lt(makeupTasks.dueAt, now)))
      .groupBy(activities.branchId),
  ]);
  return new Map(
    branchIds.map((id) => [
      id,
      {
        pendingLeave: pending.find((p) => p.branchId === id)?.n ?? 0,
        overdue: overdue.find((o) => o.branchId === id)?.n ?? 0,
      },
    ]),
  );
}

export async function branchDashboard(db: Db, scope: Scope, branchId: number, month: string, now = new Date()) {
  const bulletin = await monthlyBulletin(db, scope, branchId, month);
  const work = (await openWork(db, [branchId], now)).get(branchId)!;
  return { attendanceRate: bulletin.attendanceRate, deducted: bulletin.deducted, ...work };
}

export async function countyDashboard(db: Db, scope: Scope, month: string, now = new Date()) {
  const branches = await bulletinRollup(db, scope, month);
  const work = await openWork(
    db,
    branches.map((b) => b.branchId),
    now,
  );
  const rows = branches.map((b) => ({ ...b, ...work.get(b.branchId)! }));
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const rated = rows.filter((r) => r.attendanceRate !== null);
  return {
    rows,
    attendanceRate: rated.length ? rated.reduce((s, r) => s + r.attendanceRate!, 0) / rated.length : null,
    pendingLeave: sum((r) => r.pendingLeave),
    overdue: sum((r) => r.overdue),
    deducted: sum((r) => r.deducted),
  };
}
