import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { quarterRange, REPORT_VALID_MONTHS, reportExpiresAt, reportStanding } from "@/lib/community";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import type { Db } from "../open";
import { communityReports, reportPosts, servicePosts, volunteerHours } from "../schema/community";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { loadBranch } from "./branch";
import { branchAt, dayStart, inBranchDuring } from "./membership-periods";
import { pathUnder } from "./scope-sql";

/**
 * Feedback to the branch: per member, where they reported, whether it is current and their
 * confirmed hours this quarter and year; the committee and county see it rolled up per branch.
 */

export interface Quarter {
  year: number;
  quarter: number;
}

/** Hours count for the branch the member was in on the day served (docs/architecture.md#membership-history). */
const servedIn = (branchId: number | SQL | AnyPgColumn) =>
  sql`${branchAt(members.userId, dayStart(volunteerHours.servedOn))} = ${branchId}`;

const confirmedHours = (branchId: number, from: string, to: string) =>
  sql<number>`(select coalesce(sum(${volunteerHours.halfHours}), 0)::int from ${volunteerHours}
    where ${volunteerHours.memberId} = ${members.userId} and ${volunteerHours.status} = 'confirmed' and ${volunteerHours.servedOn} between ${from} and ${to} and ${servedIn(branchId)})`;

/** A quarter's days as the instants [from, to) in Shanghai. */
const quarterInstants = (from: string, to: string) => ({
  start: new Date(`${from}T00:00:00+08:00`),
  end: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000),
});

/** Every active member of a branch with their community figures for the quarter. */
export async function branchFeedback(db: Db, scope: Scope, branchId: number, q: Quarter, now = new Date()) {
  const branch = await loadBranch(db, scope, branchId);
  const { from, to } = quarterRange(q.year, q.quarter);
  const community = alias(orgNodes, "community");
  const grid = alias(orgNodes, "grid");
  const rows = await db
    .select({
      memberId: members.userId,
      name: users.name,
      inOffice: sql<boolean>`${members.employment} = 'in_office'`,
      reportStatus: communityReports.status,
      decidedAt: communityReports.decidedAt,
      communityName: community.name,
      gridName: grid.name,
      pending: sql<boolean>`exists (select 1 from ${communityReports} p where p.member_id = ${members.userId}
        and p.status = 'pending')`,
      posts: sql<
        string[]
      >`coalesce((select array_agg(${servicePosts.name} order by ${servicePosts.id}) from ${reportPosts} join ${servicePosts} on ${servicePosts.id} = ${reportPosts.postId} where ${reportPosts.reportId} = ${communityReports.id}), '{}')`,
      quarterHalfHours: confirmedHours(branch.id, from, to),
      yearHalfHours: confirmedHours(branch.id, `${q.year}-01-01`, `${q.year}-12-31`),
      quarterActivities: sql<number>`(select count(distinct ${volunteerHours.activityId})::int from ${volunteerHours}
        where ${volunteerHours.memberId} = ${members.userId} and ${volunteerHours.status} = 'confirmed' and ${volunteerHours.servedOn} between ${from} and ${to} and ${servedIn(branch.id)})`,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(
      communityReports,
      and(eq(communityReports.memberId, members.userId), eq(communityReports.status, "confirmed")),
    )
    .leftJoin(community, eq(community.id, communityReports.communityId))
    .leftJoin(grid, eq(grid.id, communityReports.gridId))
    .where(inBranchDuring(members.userId, branch.id, quarterInstants(from, to).start, quarterInstants(from, to).end))
    .orderBy(sql`${members.employment} = 'in_office' desc`, asc(users.name));
  return {
    branch: { id: branch.id, name: branch.name },
    rows: rows.map((r) => {
      const confirmed = r.reportStatus === "confirmed" ? { status: "confirmed", decidedAt: r.decidedAt } : null;
      return {
        ...r,
        standing: !confirmed && r.pending ? ("pending" as const) : reportStanding(confirmed, now),
        validUntil: r.decidedAt ? reportExpiresAt(r.decidedAt) : null,
      };
    }),
  };
}

/** Per branch under the caller's committee or county grants: how many in office, reported, and hours. */
export async function feedbackRollup(db: Db, scope: Scope, q: Quarter, now = new Date()) {
  const prefixes = reviewerPaths(scope);
  const { from, to } = quarterRange(q.year, q.quarter);
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - REPORT_VALID_MONTHS);
  const inOffice = sql`${members.employment} = 'in_office'`;
  const hours = (a: string, b: string) =>
    sql<number>`coalesce(sum((select coalesce(sum(${volunteerHours.halfHours}), 0) from ${volunteerHours}
      where ${volunteerHours.memberId} = ${members.userId} and ${volunteerHours.status} = 'confirmed' and ${volunteerHours.servedOn} between ${a} and ${b} and ${servedIn(orgNodes.id)})), 0)::int`;
  const { start, end } = quarterInstants(from, to);
  return db
    .select({
      branchId: orgNodes.id,
      branchName: orgNodes.name,
      inOffice: sql<number>`count(${members.userId}) filter (where ${inOffice})::int`,
      reported: sql<number>`count(${members.userId}) filter (where exists (select 1 from ${communityReports}
        where ${communityReports.memberId} = ${members.userId} and ${communityReports.status} = 'confirmed' and ${communityReports.decidedAt} > ${since.toISOString()}::timestamptz))::int`,
      quarterHalfHours: hours(from, to),
      yearHalfHours: hours(`${q.year}-01-01`, `${q.year}-12-31`),
    })
    .from(orgNodes)
    .leftJoin(members, inBranchDuring(members.userId, orgNodes.id, start, end))
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, prefixes)))
    .groupBy(orgNodes.id, orgNodes.name, orgNodes.path)
    .orderBy(asc(orgNodes.path));
}
