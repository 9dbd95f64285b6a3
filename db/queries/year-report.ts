import { and, asc, eq, gte, lt, lte, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { activities, attendance } from "../schema/activities";
import { volunteerHours } from "../schema/community";
import { makeupTasks } from "../schema/leave";
import { orgNodes } from "../schema/org";
import { pointEntries } from "../schema/points";
import { members, users } from "../schema/users";
import { periodRange } from "./records";
import { reviewResultFor } from "./reviews";

/**
 * A member's 年度报告 for one year, built from the records: the closed activities they were expected at and
 * their outcome, make-up study after leave, points by source (the ledger summed by rule, reversals
 * included), confirmed volunteer hours and the year's 民主评议 result. For the member themself and whoever
 * reads their branch's roster.
 */
export async function yearReport(db: Db, scope: Scope, input: { memberId: number; year: number }) {
  const [member] = await db
    .select({ userId: users.id, name: users.name, branchName: orgNodes.name, branchPath: orgNodes.path })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, input.memberId));
  if (!member) throw new AppError("not_found");
  if (member.userId !== scope.userId && !canReadRoster(scope, member.branchPath)) throw new AppError("forbidden");
  const { from, to } = periodRange({ year: input.year });

  const list = await db
    .select({
      activityId: activities.id,
      type: activities.type,
      title: activities.title,
      startsAt: activities.startsAt,
      outcome: attendance.outcome,
    })
    .from(attendance)
    .innerJoin(activities, eq(activities.id, attendance.activityId))
    .where(
      and(
        eq(attendance.memberId, member.userId),
        eq(attendance.expected, true),
        eq(activities.status, "closed"),
        gte(activities.startsAt, from),
        lt(activities.startsAt, to),
      ),
    )
    .orderBy(asc(activities.startsAt));
  const count = (o: string) => list.filter((r) => r.outcome === o).length;

  const [makeup] = await db
    .select({
      done: sql<number>`count(*) filter (where ${makeupTasks.confirmedAt} is not null)::int`,
      open: sql<number>`count(*) filter (where ${makeupTasks.confirmedAt} is null)::int`,
    })
    .from(makeupTasks)
    .innerJoin(activities, eq(activities.id, makeupTasks.activityId))
    .where(and(eq(makeupTasks.memberId, member.userId), gte(activities.startsAt, from), lt(activities.startsAt, to)));

  const points = await db
    .select({ ruleCode: pointEntries.ruleCode, points: sql<number>`sum(${pointEntries.points})::float8` })
    .from(pointEntries)
    .where(
      and(
        eq(pointEntries.memberId, member.userId),
        gte(pointEntries.occurredAt, from),
        lt(pointEntries.occurredAt, to),
      ),
    )
    .groupBy(pointEntries.ruleCode)
    .orderBy(asc(pointEntries.ruleCode));

  const [hours] = await db
    .select({ halfHours: sql<number>`coalesce(sum(${volunteerHours.halfHours}), 0)::int` })
    .from(volunteerHours)
    .where(
      and(
        eq(volunteerHours.memberId, member.userId),
        eq(volunteerHours.status, "confirmed"),
        gte(volunteerHours.servedOn, `${input.year}-01-01`),
        lte(volunteerHours.servedOn, `${input.year}-12-31`),
      ),
    );

  return {
    member: { userId: member.userId, name: member.name, branchName: member.branchName },
    year: input.year,
    activities: list,
    figures: {
      expected: list.length,
      attended: count("present") + count("late"),
      late: count("late"),
      leave: count("leave"),
      absent: count("absent"),
    },
    makeup: { done: makeup?.done ?? 0, open: makeup?.open ?? 0 },
    points: points.map((p) => ({ ruleCode: p.ruleCode, points: Math.round(p.points * 10) / 10 })),
    pointsTotal: Math.round(points.reduce((s, p) => s + p.points, 0) * 10) / 10,
    halfHours: hours?.halfHours ?? 0,
    review: await reviewResultFor(db, scope, member.userId, input.year),
  };
}
