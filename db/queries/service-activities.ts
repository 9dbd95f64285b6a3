import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { reportStanding } from "@/lib/community";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canServeGrid } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { servedPaths } from "@/lib/scope-paths";
import type { ServiceActivityInput } from "@/lib/validation/community";
import type { Db } from "../open";
import { communityReports, serviceActivities, servicePosts, serviceSignups, volunteerHours } from "../schema/community";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { memberOf } from "./community";
import { pathUnder } from "./scope-sql";

/**
 * Volunteer activities (我为群众办实事): a grid worker posts one for their grid (a worker of the whole
 * community, for the community); members reported there sign up and cancel until it starts.
 */

/** The node that holds an activity: its grid, or the community when no grid is named. */
const holder = alias(orgNodes, "holder");
const holderJoin = sql`${holder.id} = coalesce(${serviceActivities.gridId}, ${serviceActivities.communityId})`;
const signupCount = sql<number>`(select count(*)::int from ${serviceSignups}
  where ${serviceSignups.activityId} = ${serviceActivities.id} and ${serviceSignups.cancelledAt} is null)`;

/** What a list of service activities shows of each, for the grid worker and the member alike. */
const listed = {
  id: serviceActivities.id,
  title: serviceActivities.title,
  place: serviceActivities.place,
  startsAt: serviceActivities.startsAt,
  minutes: serviceActivities.minutes,
  capacity: serviceActivities.capacity,
  holderName: holder.name,
  signups: signupCount,
};

export async function createServiceActivity(db: Db, scope: Scope, input: ServiceActivityInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const [node] = await tx.select().from(orgNodes).where(eq(orgNodes.id, input.nodeId));
    if (!node || (node.kind !== "grid" && node.kind !== "community")) throw new AppError("not_found");
    if (!canServeGrid(scope, node.path)) throw new AppError("forbidden");
    if (input.startsAt <= now) throw new AppError("bad_request", t.plans.inPast, { startsAt: t.plans.inPast });
    const communityId = node.kind === "grid" ? node.parentId! : node.id;
    if (input.postId) {
      const [post] = await tx
        .select({ id: servicePosts.id })
        .from(servicePosts)
        .where(and(eq(servicePosts.id, input.postId), eq(servicePosts.communityId, communityId)));
      if (!post) throw new AppError("bad_request", t.community.unknownPost, { postId: t.community.unknownPost });
    }
    const [activity] = await tx
      .insert(serviceActivities)
      .values({
        communityId,
        gridId: node.kind === "grid" ? node.id : null,
        title: input.title,
        place: input.place,
        startsAt: input.startsAt,
        minutes: input.minutes,
        capacity: input.capacity,
        postId: input.postId,
        createdBy: scope.userId,
      })
      .returning();
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "community.activity.create",
      targetType: "service_activity",
      targetId: activity.id,
      nodePath: node.path,
      detail: { title: input.title, startsAt: input.startsAt.toISOString() },
    });
    return { id: activity.id };
  });
}

/** One activity with the path of the node holding it; not-found and out-of-scope differ only by status. */
export async function loadServiceActivity(
  db: Db,
  scope: Scope,
  activityId: number,
  allowed: (scope: Scope, path: string) => boolean,
) {
  const [row] = await db
    .select({ activity: serviceActivities, path: holder.path, holderName: holder.name })
    .from(serviceActivities)
    .innerJoin(holder, holderJoin)
    .where(eq(serviceActivities.id, activityId));
  if (!row) throw new AppError("not_found");
  if (!allowed(scope, row.path)) throw new AppError("forbidden");
  return { ...row.activity, path: row.path, holderName: row.holderName };
}

/** The grid worker's activities, newest first, with how many signed up. */
export async function gridServiceActivities(db: Db, scope: Scope) {
  const prefixes = servedPaths(scope);
  return db
    .select(listed)
    .from(serviceActivities)
    .innerJoin(holder, holderJoin)
    .where(and(isNull(serviceActivities.cancelledAt), pathUnder(holder.path, prefixes)))
    .orderBy(desc(serviceActivities.startsAt))
    .limit(50);
}

/** An activity for the grid worker: who signed up, and whose hours are already recorded. */
export async function serviceActivityDetail(db: Db, scope: Scope, activityId: number) {
  const activity = await loadServiceActivity(db, scope, activityId, canServeGrid);
  const branch = alias(orgNodes, "branch");
  const signups = await db
    .select({
      memberId: serviceSignups.memberId,
      name: users.name,
      branchName: branch.name,
      recorded: sql<
        number | null
      >`(select ${volunteerHours.halfHours} from ${volunteerHours} where ${volunteerHours.activityId} = ${activityId} and ${volunteerHours.memberId} = ${serviceSignups.memberId} and ${volunteerHours.status} in ('submitted', 'confirmed') limit 1)`,
    })
    .from(serviceSignups)
    .innerJoin(users, eq(users.id, serviceSignups.memberId))
    .innerJoin(members, eq(members.userId, serviceSignups.memberId))
    .innerJoin(branch, eq(branch.id, members.branchId))
    .where(and(eq(serviceSignups.activityId, activityId), isNull(serviceSignups.cancelledAt)))
    .orderBy(asc(serviceSignups.id));
  return { activity, signups };
}

/** The member's confirmed report, which is what lets them take part in their community's activities. */
async function confirmedReport(db: Db, memberId: number) {
  const [report] = await db
    .select()
    .from(communityReports)
    .where(and(eq(communityReports.memberId, memberId), eq(communityReports.status, "confirmed")));
  return report ?? null;
}

/** Activities of the member's community that have not ended, with whether they signed up. */
export async function memberServiceActivities(db: Db, scope: Scope, now = new Date()) {
  const memberId = memberOf(scope);
  const report = await confirmedReport(db, memberId);
  if (!report) return [];
  return db
    .select({
      ...listed,
      mine: sql<boolean>`exists (select 1 from ${serviceSignups}
        where ${serviceSignups.activityId} = ${serviceActivities.id} and ${serviceSignups.memberId} = ${memberId} and ${serviceSignups.cancelledAt} is null)`,
    })
    .from(serviceActivities)
    .innerJoin(holder, holderJoin)
    .where(
      and(
        eq(serviceActivities.communityId, report.communityId),
        isNull(serviceActivities.cancelledAt),
        sql`${serviceActivities.startsAt} + make_interval(mins => ${serviceActivities.minutes}) >=
          ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(serviceActivities.startsAt))
    .limit(20);
}

/**
 * Signing up and cancelling, until the activity starts. The activity row is locked so that two members taking
 * the last place at once cannot both get it.
 */
export async function setSignup(db: Db, scope: Scope, input: { activityId: number; join: boolean }, now = new Date()) {
  const memberId = memberOf(scope);
  return db.transaction(async (tx) => {
    const [activity] = await tx
      .select()
      .from(serviceActivities)
      .where(eq(serviceActivities.id, input.activityId))
      .for("update");
    if (!activity || activity.cancelledAt) throw new AppError("not_found");
    const report = await confirmedReport(tx, memberId);
    if (!report || report.communityId !== activity.communityId || reportStanding(report, now) === "expired")
      throw new AppError("forbidden", t.community.notReportedHere);
    if (activity.startsAt <= now) throw new AppError("conflict", t.community.started);
    const live = and(
      eq(serviceSignups.activityId, activity.id),
      eq(serviceSignups.memberId, memberId),
      isNull(serviceSignups.cancelledAt),
    );
    const [mine] = await tx.select({ id: serviceSignups.id }).from(serviceSignups).where(live);
    if (input.join && !mine) {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(serviceSignups)
        .where(and(eq(serviceSignups.activityId, activity.id), isNull(serviceSignups.cancelledAt)));
      if (n >= activity.capacity) throw new AppError("conflict", t.community.full);
      await tx.insert(serviceSignups).values({ activityId: activity.id, memberId });
    }
    if (!input.join && mine)
      await tx.update(serviceSignups).set({ cancelledAt: now }).where(eq(serviceSignups.id, mine.id));
    if (input.join !== Boolean(mine)) {
      await writeAudit(tx, {
        actorId: memberId,
        action: input.join ? "community.signup" : "community.signup.cancel",
        targetType: "service_activity",
        targetId: activity.id,
      });
    }
    return { activityId: activity.id, joined: input.join };
  });
}
