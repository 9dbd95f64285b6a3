import { and, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { quarterRange } from "@/lib/community";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import { monthRange, shiftMonth } from "@/lib/time";
import type { Db } from "../open";
import { within } from "../period";
import { activities, attendance } from "../schema/activities";
import { volunteerHours } from "../schema/community";
import { orgNodes } from "../schema/org";
import { pointEntries } from "../schema/points";
import { makeupByBranch } from "./makeup";
import { branchAt, dayStart } from "./membership-periods";
import { isDeduction } from "./point-kinds";
import { pathUnder } from "./scope-sql";

/**
 * Quarterly statistics of the points system (积分制实施情况), per branch under the caller's
 * committee or county grants: who gained and who lost points, the points by rule, attendance, leave, make-up
 * completion and volunteer hours; and the quarter's three months for the trend.
 */
export async function quarterStats(db: Db, scope: Scope, q: { year: number; quarter: number }) {
  const prefixes = reviewerPaths(scope);
  const days = quarterRange(q.year, q.quarter);
  const firstMonth = days.from.slice(0, 7);
  const from = monthRange(firstMonth).from;
  const to = monthRange(shiftMonth(firstMonth, 3)).from;
  const inQuarter = (column: PgColumn) => within(column, from, to);
  const reach = pathUnder(orgNodes.path, prefixes);
  // Hours count for the branch the member was in on the day served.
  const servedIn = branchAt(volunteerHours.memberId, dayStart(volunteerHours.servedOn));

  const [branches, people, rules, seen, makeup, hours, months] = await Promise.all([
    db
      .select({ id: orgNodes.id, name: orgNodes.name })
      .from(orgNodes)
      .where(and(eq(orgNodes.kind, "branch"), reach))
      .orderBy(orgNodes.path),
    // Per member first (gained: a positive net; lost: any standing deduction), then counted per branch.
    db
      .select({
        branchId: sql<number>`t.branch_id`,
        gained: sql<number>`count(*) filter (where t.net > 0)::int`,
        lost: sql<number>`count(*) filter (where t.deducted)::int`,
      })
      .from(
        sql`(select ${pointEntries.branchId} as branch_id, ${pointEntries.memberId}, sum(${pointEntries.points}) as
          net, bool_or(${isDeduction}) as deducted
             from ${pointEntries} where ${inQuarter(pointEntries.occurredAt)} group by 1, 2) t`,
      )
      .groupBy(sql`t.branch_id`),
    db
      .select({
        ruleCode: pointEntries.ruleCode,
        points: sql<number>`sum(${pointEntries.points})::float8`,
        entries: sql<number>`count(*)::int`,
      })
      .from(pointEntries)
      .innerJoin(orgNodes, eq(orgNodes.id, pointEntries.branchId))
      .where(and(inQuarter(pointEntries.occurredAt), reach))
      .groupBy(pointEntries.ruleCode),
    db
      .select({
        branchId: activities.branchId,
        expected: sql<number>`count(*) filter (where ${attendance.expected})::int`,
        came: sql<number>`count(*) filter (where ${attendance.outcome} in ('present', 'late'))::int`,
        leave: sql<number>`count(*) filter (where ${attendance.outcome} = 'leave')::int`,
      })
      .from(attendance)
      .innerJoin(activities, eq(activities.id, attendance.activityId))
      .where(and(eq(activities.status, "closed"), inQuarter(activities.startsAt)))
      .groupBy(activities.branchId),
    makeupByBranch(db, from, to),
    db
      .select({ branchId: servedIn, halfHours: sql<number>`sum(${volunteerHours.halfHours})::int` })
      .from(volunteerHours)
      .where(
        and(
          eq(volunteerHours.status, "confirmed"),
          sql`${volunteerHours.servedOn} between ${days.from} and ${days.to}`,
        ),
      )
      .groupBy(servedIn),
    db
      .select({
        month: sql<string>`to_char(${activities.startsAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
        expected: sql<number>`count(*) filter (where ${attendance.expected})::int`,
        came: sql<number>`count(*) filter (where ${attendance.outcome} in ('present', 'late'))::int`,
      })
      .from(attendance)
      .innerJoin(activities, eq(activities.id, attendance.activityId))
      .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
      .where(and(eq(activities.status, "closed"), inQuarter(activities.startsAt), reach))
      .groupBy(sql`1`),
  ]);
  const of = <T extends { branchId: number }>(rows: T[]) => new Map(rows.map((r) => [Number(r.branchId), r]));
  const [p, s, mk, h] = [of(people), of(seen), of(makeup), of(hours)];
  const rate = (done: number, all: number) => (all > 0 ? done / all : null);
  const attendanceOf = new Map(months.map((m) => [m.month, rate(m.came, m.expected)]));
  return {
    branches: branches.map((b) => ({
      id: b.id,
      name: b.name,
      gained: p.get(b.id)?.gained ?? 0,
      lost: p.get(b.id)?.lost ?? 0,
      attendanceRate: rate(s.get(b.id)?.came ?? 0, s.get(b.id)?.expected ?? 0),
      leave: s.get(b.id)?.leave ?? 0,
      makeupRate: rate(mk.get(b.id)?.done ?? 0, mk.get(b.id)?.owed ?? 0),
      hours: (h.get(b.id)?.halfHours ?? 0) / 2,
    })),
    rules: rules
      .map((r) => ({ ...r, points: Math.round(Number(r.points) * 10) / 10 }))
      .sort((a, b) => b.points - a.points),
    trend: [0, 1, 2].map((i) => {
      const month = shiftMonth(firstMonth, i);
      return { month, attendanceRate: attendanceOf.get(month) ?? null };
    }),
  };
}
