import { and, asc, desc, eq, sql } from "drizzle-orm";
import { activityPhase } from "@/lib/activity-phase";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { activities, activitySteps, attendance } from "../schema/activities";
import { checkins } from "../schema/checkins";
import { loadActivity } from "./activities";
import { checkinFacts } from "./checkin-screen";

/**
 * A member's view of their branch's activities (docs/architecture.md#scope: a member sees their own records and their
 * branch's activities). Secretaries and admins read activities through activity-run.ts instead; here the
 * only question is whether the caller is a member of the activity's branch.
 */

const ownBranch = (scope: Scope, branchPath: string) => scope.member?.branchPath === branchPath;

function branchOf(scope: Scope) {
  if (!scope.member) throw new AppError("forbidden");
  return scope.member.branchId;
}

/** Still to come or under way: not closed, and its end (start + duration) not yet passed. */
const notOver = (now: Date) =>
  and(
    eq(activities.status, "scheduled"),
    sql`${activities.startsAt} + ${activities.durationMinutes} * interval '1 minute' >
      ${now.toISOString()}::timestamptz`,
  );

const summary = {
  id: activities.id,
  type: activities.type,
  title: activities.title,
  startsAt: activities.startsAt,
  durationMinutes: activities.durationMinutes,
  place: activities.place,
  status: activities.status,
};

/** The member's branch's next activity that is not over, with its agenda titles; null when none is planned. */
export async function nextActivity(db: Db, scope: Scope, now = new Date()) {
  const branchId = branchOf(scope);
  const [activity] = await db
    .select(summary)
    .from(activities)
    .where(and(eq(activities.branchId, branchId), notOver(now)))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(1);
  if (!activity) return null;
  const phase = activityPhase(activity, now);
  const steps = await db
    .select({ title: activitySteps.title, mandatory: activitySteps.mandatory })
    .from(activitySteps)
    .where(eq(activitySteps.activityId, activity.id))
    .orderBy(asc(activitySteps.position));
  return { ...activity, phase, steps };
}

// A branch holds about a theme day and a few 三会一课 a month; two years of history is plenty for a phone.
const HISTORY_LIMIT = 100;

/**
 * The branch's activities: upcoming (soonest first), then past (latest first), each with the caller's own
 * attendance row — whether they were expected, and their outcome (null until recorded).
 */
export async function myActivities(db: Db, scope: Scope, now = new Date()) {
  const branchId = branchOf(scope);
  const rows = await db
    .select({
      ...summary,
      ...checkinFacts,
      upcoming: sql<boolean>`${notOver(now)}`,
    })
    .from(activities)
    .leftJoin(attendance, and(eq(attendance.activityId, activities.id), eq(attendance.memberId, scope.userId)))
    .leftJoin(checkins, and(eq(checkins.activityId, activities.id), eq(checkins.memberId, scope.userId)))
    .where(eq(activities.branchId, branchId))
    .orderBy(desc(activities.startsAt), desc(activities.id))
    .limit(HISTORY_LIMIT);
  const item = ({ upcoming: _, ...row }: (typeof rows)[number]) => ({
    ...row,
    expected: row.expected ?? false,
    phase: activityPhase(row, now),
  });
  return {
    upcoming: rows
      .filter((r) => r.upcoming)
      .map(item)
      .reverse(),
    past: rows.filter((r) => !r.upcoming).map(item),
  };
}

/** One activity of the member's own branch: time, place, materials, links, agenda and their attendance row. */
export async function activityForMember(db: Db, scope: Scope, activityId: number, now = new Date()) {
  const activity = await loadActivity(db, scope, activityId, ownBranch);
  const steps = await db
    .select({
      id: activitySteps.id,
      title: activitySteps.title,
      kind: activitySteps.kind,
      mandatory: activitySteps.mandatory,
      doneAt: activitySteps.doneAt,
    })
    .from(activitySteps)
    .where(eq(activitySteps.activityId, activity.id))
    .orderBy(asc(activitySteps.position));
  const [mine] = await db
    .select({ expected: attendance.expected, outcome: attendance.outcome })
    .from(attendance)
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, scope.userId)));
  return {
    activity: {
      id: activity.id,
      type: activity.type,
      title: activity.title,
      startsAt: activity.startsAt,
      durationMinutes: activity.durationMinutes,
      place: activity.place,
      materials: activity.materials,
      links: activity.links,
      status: activity.status,
      phase: activityPhase(activity, now),
      branchName: activity.branchName,
    },
    steps,
    mine: mine ?? null,
  };
}
