import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { reportExpiresAt, reportStanding } from "@/lib/community";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canServeGrid } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { requireGrants, servedPaths } from "@/lib/scope-paths";
import type { DecideReport, ReportInput } from "@/lib/validation/community";
import type { Db } from "../open";
import { communityReports, reportPosts, servicePosts } from "../schema/community";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { notify } from "./notify";
import { award } from "./points";
import { roleHoldersOver } from "./role-holders";
import { pathUnder } from "./scope-sql";

/**
 * Community reporting: an in-office member reports to the grid they live in; a grid worker of that
 * grid (or of its whole community) confirms or returns it. Confirming a report ends the one before it, so a
 * renewal or a move is simply a new report.
 */

const community = alias(orgNodes, "community");
const grid = alias(orgNodes, "grid");

/** Members only ever act for themselves here; anyone else is refused before anything is read. */
export function memberOf(scope: Scope): number {
  if (!scope.member) throw new AppError("forbidden");
  return scope.userId;
}

/** Every community with its grids and the posts it offers: what a member chooses from. */
export async function communityChoices(db: Db) {
  const [grids, posts] = await Promise.all([
    db
      .select({ id: orgNodes.id, name: orgNodes.name, communityId: community.id, communityName: community.name })
      .from(orgNodes)
      .innerJoin(community, eq(community.id, orgNodes.parentId))
      .where(eq(orgNodes.kind, "grid"))
      .orderBy(asc(community.path), asc(orgNodes.path)),
    db.select().from(servicePosts).where(eq(servicePosts.active, true)).orderBy(asc(servicePosts.id)),
  ]);
  const byCommunity = new Map<
    number,
    { id: number; name: string; grids: { id: number; name: string }[]; posts: { id: number; name: string }[] }
  >();
  for (const g of grids) {
    const entry = byCommunity.get(g.communityId) ?? { id: g.communityId, name: g.communityName, grids: [], posts: [] };
    entry.grids.push({ id: g.id, name: g.name });
    byCommunity.set(g.communityId, entry);
  }
  for (const p of posts) byCommunity.get(p.communityId)?.posts.push({ id: p.id, name: p.name });
  return [...byCommunity.values()];
}

/** Reports with their community, grid and post names. */
async function reportRows(db: Db, where: SQL | undefined) {
  const rows = await db
    .select({
      report: communityReports,
      communityName: community.name,
      gridName: grid.name,
      gridPath: grid.path,
      memberName: users.name,
      posts: sql<
        string[]
      >`coalesce((select array_agg(${servicePosts.name} order by ${servicePosts.id}) from ${reportPosts} join ${servicePosts} on ${servicePosts.id} = ${reportPosts.postId} where ${reportPosts.reportId} = ${communityReports.id}), '{}')`,
    })
    .from(communityReports)
    .innerJoin(community, eq(community.id, communityReports.communityId))
    .innerJoin(grid, eq(grid.id, communityReports.gridId))
    .innerJoin(users, eq(users.id, communityReports.memberId))
    .where(where)
    .orderBy(desc(communityReports.id));
  return rows.map((r) => ({
    ...r.report,
    communityName: r.communityName,
    gridName: r.gridName,
    gridPath: r.gridPath,
    memberName: r.memberName,
    posts: r.posts,
  }));
}

/** The member's standing: the confirmed report, one waiting, and the last one returned (if it is the newest). */
export async function myCommunity(db: Db, scope: Scope, now = new Date()) {
  const memberId = memberOf(scope);
  const [me] = await db.select({ employment: members.employment }).from(members).where(eq(members.userId, memberId));
  const rows = await reportRows(
    db,
    and(
      eq(communityReports.memberId, memberId),
      inArray(communityReports.status, ["pending", "confirmed", "returned"]),
    ),
  );
  const confirmed = rows.find((r) => r.status === "confirmed") ?? null;
  const pending = rows.find((r) => r.status === "pending") ?? null;
  const returned = rows[0]?.status === "returned" ? rows[0] : null;
  return {
    inOffice: me?.employment === "in_office",
    confirmed,
    pending,
    returned,
    standing: pending && !confirmed ? ("pending" as const) : reportStanding(confirmed, now),
    validUntil: confirmed?.decidedAt ? reportExpiresAt(confirmed.decidedAt) : null,
  };
}

/** The grid workers who answer for a grid: those granted on it or on its community. */
export const gridWorkersOf = (db: Db, gridPath: string) => roleHoldersOver(db, "grid_worker", gridPath);

/** A member reports (or renews, or moves) to a grid. One report waits at a time. */
export async function fileReport(db: Db, scope: Scope, input: ReportInput) {
  const memberId = memberOf(scope);
  return db.transaction(async (tx) => {
    const [me] = await tx
      .select({ employment: members.employment, active: members.active, name: users.name })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.userId, memberId));
    if (!me?.active) throw new AppError("forbidden");
    if (me.employment !== "in_office") throw new AppError("conflict", t.community.onlyInOffice);
    const [grid] = await tx
      .select()
      .from(orgNodes)
      .where(and(eq(orgNodes.id, input.gridId), eq(orgNodes.kind, "grid")));
    if (!grid?.parentId) throw new AppError("bad_request", t.community.chooseGrid, { gridId: t.community.chooseGrid });
    if (input.postIds.length) {
      const found = await tx
        .select({ id: servicePosts.id })
        .from(servicePosts)
        .where(
          and(
            inArray(servicePosts.id, input.postIds),
            eq(servicePosts.communityId, grid.parentId),
            eq(servicePosts.active, true),
          ),
        );
      if (found.length !== new Set(input.postIds).size) throw new AppError("bad_request", t.community.unknownPost);
    }
    const [waiting] = await tx
      .select({ id: communityReports.id })
      .from(communityReports)
      .where(and(eq(communityReports.memberId, memberId), eq(communityReports.status, "pending")));
    if (waiting) throw new AppError("conflict", t.community.alreadyPending);
    const [report] = await tx
      .insert(communityReports)
      .values({ memberId, communityId: grid.parentId, gridId: grid.id, note: input.note })
      .returning();
    if (input.postIds.length)
      await tx
        .insert(reportPosts)
        .values([...new Set(input.postIds)].map((postId) => ({ reportId: report.id, postId })));
    await notify(tx, await gridWorkersOf(tx, grid.path), {
      kind: "community",
      title: t.community.notice.filed(me.name),
      body: input.note ?? "",
    });
    await writeAudit(tx, {
      actorId: memberId,
      action: "community.report",
      targetType: "community_report",
      targetId: report.id,
      nodePath: grid.path,
      detail: { gridId: grid.id, postIds: input.postIds },
    });
    return { id: report.id };
  });
}

/** The grid worker confirms (ending the member's earlier report) or returns it with a reason. */
export async function decideReport(db: Db, scope: Scope, input: DecideReport, now = new Date()) {
  return db.transaction(async (tx) => {
    const [report] = await reportRows(tx, eq(communityReports.id, input.reportId));
    if (!report) throw new AppError("not_found");
    if (!canServeGrid(scope, report.gridPath)) throw new AppError("forbidden");
    if (report.status !== "pending") throw new AppError("conflict", t.community.notPending);
    if (input.decision === "confirm") {
      await tx
        .update(communityReports)
        .set({ status: "ended", endedAt: now })
        .where(and(eq(communityReports.memberId, report.memberId), eq(communityReports.status, "confirmed")));
    }
    const [updated] = await tx
      .update(communityReports)
      .set({
        status: input.decision === "confirm" ? "confirmed" : "returned",
        decidedBy: scope.userId,
        decidedAt: now,
        comment: input.comment || null,
      })
      .where(and(eq(communityReports.id, report.id), eq(communityReports.status, "pending")))
      .returning({ id: communityReports.id });
    if (!updated) throw new AppError("conflict", t.community.notPending);
    if (input.decision === "confirm") {
      await award(tx, {
        memberId: report.memberId,
        code: "community_report",
        sourceType: "community_report",
        sourceId: report.id,
        occurredAt: now,
        causedBy: scope.userId,
        reason: `${t.points.rules.community_report}：${report.communityName}`,
      });
    }
    await notify(tx, [report.memberId], {
      kind: "community",
      title: (input.decision === "confirm" ? t.community.notice.confirmed : t.community.notice.returned)(
        report.communityName,
      ),
      body: input.comment,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: `community.report.${input.decision}`,
      targetType: "community_report",
      targetId: report.id,
      nodePath: report.gridPath,
      detail: { memberId: report.memberId, comment: input.comment || undefined },
    });
    return { id: report.id, decision: input.decision };
  });
}

/** Reports waiting for this grid worker, with the member's branch. */
export async function pendingReports(db: Db, scope: Scope) {
  const prefixes = servedPaths(scope);
  const pending = await reportRows(db, and(eq(communityReports.status, "pending"), pathUnder(grid.path, prefixes)));
  const branch = alias(orgNodes, "branch");
  const branches = pending.length
    ? await db
        .select({ userId: members.userId, branchName: branch.name })
        .from(members)
        .innerJoin(branch, eq(branch.id, members.branchId))
        .where(
          inArray(
            members.userId,
            pending.map((r) => r.memberId),
          ),
        )
    : [];
  const branchOf = new Map(branches.map((b) => [b.userId, b.branchName]));
  return pending.map((r) => ({ ...r, branchName: branchOf.get(r.memberId) ?? "" }));
}

/** The nodes a grid worker can hold an activity at (the grids and communities they are granted), with posts. */
export async function activityPlaces(db: Db, scope: Scope) {
  const ids = requireGrants(scope, ["grid_worker"]).map((g) => g.nodeId);
  const nodes = await db.select().from(orgNodes).where(inArray(orgNodes.id, ids)).orderBy(asc(orgNodes.path));
  const communityIds = [...new Set(nodes.map((n) => (n.kind === "grid" ? n.parentId! : n.id)))];
  const posts = await db
    .select()
    .from(servicePosts)
    .where(and(inArray(servicePosts.communityId, communityIds), eq(servicePosts.active, true)))
    .orderBy(asc(servicePosts.id));
  return {
    places: nodes.map((n) => ({ id: n.id, name: n.name })),
    posts: posts.map((p) => ({ id: p.id, name: p.name })),
  };
}
