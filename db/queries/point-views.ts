import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canReadRoster } from "@/lib/permissions";
import { round1 } from "@/lib/points";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import { monthRange } from "@/lib/time";
import type { Db } from "../open";
import { within } from "../period";
import { activities, attendance } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { pointAppeals, pointEntries } from "../schema/points";
import { countySettings } from "../schema/settings";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";
import { changeCountySettings, countyOf } from "./county-settings";
import { inBranchDuring } from "./membership-periods";
import { notify } from "./notify";
import { isCorrection, isDeduction } from "./point-kinds";
import { totalOf } from "./points";
import { roleHoldersOver } from "./role-holders";
import { pathUnder } from "./scope-sql";

/**
 * What people read from the points ledger: a member's own entries and totals, a branch's monthly
 * bulletin, the committee's and county's roll-up; and appeals, which question an entry without changing it.
 */

/** A member's entries, newest first, each with whether it was reversed and its appeal. */
async function ledgerOf(db: Db, memberId: number) {
  return db
    .select({
      id: pointEntries.id,
      ruleCode: pointEntries.ruleCode,
      points: pointEntries.points,
      reason: pointEntries.reason,
      sourceType: pointEntries.sourceType,
      occurredAt: pointEntries.occurredAt,
      reversesId: pointEntries.reversesId,
      reversed: sql<boolean>`exists (select 1 from ${pointEntries} r where r.reverses_id = ${pointEntries.id})`,
      appealStatus: pointAppeals.status,
      appealAnswer: pointAppeals.answer,
    })
    .from(pointEntries)
    .leftJoin(
      pointAppeals,
      sql`${pointAppeals.id} = (select max(a.id) from ${pointAppeals} a where a.entry_id = ${pointEntries.id})`,
    )
    .where(eq(pointEntries.memberId, memberId))
    .orderBy(desc(pointEntries.occurredAt), desc(pointEntries.id))
    .limit(200);
}

const yearRange = (at: Date) => {
  const year = Number(monthOfShanghai(at).slice(0, 4));
  return { from: monthRange(`${year}-01`).from, to: monthRange(`${year + 1}-01`).from, year };
};
const monthOfShanghai = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);

/** Whether the county shows members their rank in the branch (off unless an admin turned it on). */
export async function memberRankingOn(db: Db, path: string): Promise<boolean> {
  const [row] = await db
    .select({ on: countySettings.memberRanking })
    .from(countySettings)
    .where(eq(countySettings.countyId, countyOf(path)));
  return row?.on ?? false;
}

/** The county admin turns members' ranking on or off; audited. */
export async function setMemberRanking(db: Db, scope: Scope, input: { on: boolean }, now = new Date()) {
  await changeCountySettings(
    db,
    scope,
    { memberRanking: input.on },
    { action: "settings.member_ranking", detail: { on: input.on } },
    now,
  );
  return { on: input.on };
}

/** 1 + how many active members of the branch have more points this year: ties share a place. */
async function rankInBranch(db: Db, memberId: number, branchId: number, from: Date, to: Date, mine: number) {
  const [row] = await db
    .select({
      ahead: sql<number>`count(*) filter (where t.total > ${mine})::int`,
      of: sql<number>`count(*)::int`,
    })
    .from(
      sql`(select ${members.userId}, coalesce(sum(${pointEntries.points})
        filter (where ${within(pointEntries.occurredAt, from, to)}), 0) as total
           from ${members} left join ${pointEntries} on ${pointEntries.memberId} = ${members.userId}
           where ${members.branchId} = ${branchId} and ${members.active} group by ${members.userId}) t`,
    );
  return { position: row.ahead + 1, of: row.of, memberId };
}

/** The member's own: this year's and this month's totals, the entries behind them, and their rank if shown. */
export async function myPoints(db: Db, scope: Scope, now = new Date()) {
  if (!scope.member) throw new AppError("forbidden");
  const year = yearRange(now);
  const month = monthRange(monthOfShanghai(now));
  const [yearTotal, monthTotal, entries, ranking] = await Promise.all([
    totalOf(db, scope.userId, year.from, year.to),
    totalOf(db, scope.userId, month.from, month.to),
    ledgerOf(db, scope.userId),
    memberRankingOn(db, scope.member.branchPath),
  ]);
  const rank = ranking
    ? await rankInBranch(db, scope.userId, scope.member.branchId, year.from, year.to, yearTotal)
    : null;
  return { year: year.year, yearTotal, monthTotal, entries, rank: rank && { position: rank.position, of: rank.of } };
}

/** One member's ledger for their secretary or an admin above, to correct it. */
export async function memberLedger(db: Db, scope: Scope, memberId: number, now = new Date()) {
  const [member] = await db
    .select({ name: users.name, branchId: members.branchId, branchPath: orgNodes.path })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, memberId));
  if (!member) throw new AppError("not_found");
  if (!canReadRoster(scope, member.branchPath)) throw new AppError("forbidden");
  const year = yearRange(now);
  return {
    member: { id: memberId, name: member.name, branchId: member.branchId },
    year: year.year,
    yearTotal: await totalOf(db, memberId, year.from, year.to),
    entries: await ledgerOf(db, memberId),
  };
}

/** A member questions one of their entries; the branch's secretaries are told. */
export async function appealEntry(db: Db, scope: Scope, input: { entryId: number; reason: string }) {
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .select({ entry: pointEntries, branchPath: orgNodes.path })
      .from(pointEntries)
      .innerJoin(orgNodes, eq(orgNodes.id, pointEntries.branchId))
      .where(eq(pointEntries.id, input.entryId));
    if (!entry) throw new AppError("not_found");
    if (entry.entry.memberId !== scope.userId) throw new AppError("forbidden", t.points.notYours);
    const [open] = await tx
      .select({ id: pointAppeals.id })
      .from(pointAppeals)
      .where(and(eq(pointAppeals.entryId, input.entryId), eq(pointAppeals.status, "pending")));
    if (open) throw new AppError("conflict", t.points.alreadyAppealed);
    const [appeal] = await tx
      .insert(pointAppeals)
      .values({ entryId: input.entryId, memberId: scope.userId, reason: input.reason })
      .returning();
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    await notify(tx, await roleHoldersOver(tx, "secretary", entry.branchPath, scope.userId), {
      kind: "points",
      title: t.points.notice.appealed(me.name),
      body: `${entry.entry.reason}：${input.reason}`,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "points.appeal",
      targetType: "point_entry",
      targetId: input.entryId,
      nodePath: entry.branchPath,
      detail: { reason: input.reason },
    });
    return { id: appeal.id };
  });
}

/** The secretary (or an admin above) answers an appeal; a correction, if due, is a separate reversal. */
export async function answerAppeal(
  db: Db,
  scope: Scope,
  input: { appealId: number; answer: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ appeal: pointAppeals, branchPath: orgNodes.path, reason: pointEntries.reason })
      .from(pointAppeals)
      .innerJoin(pointEntries, eq(pointEntries.id, pointAppeals.entryId))
      .innerJoin(orgNodes, eq(orgNodes.id, pointEntries.branchId))
      .where(eq(pointAppeals.id, input.appealId));
    if (!row) throw new AppError("not_found");
    if (!canReadRoster(scope, row.branchPath)) throw new AppError("forbidden");
    const [done] = await tx
      .update(pointAppeals)
      .set({ status: "answered", answer: input.answer, answeredBy: scope.userId, answeredAt: now })
      .where(and(eq(pointAppeals.id, row.appeal.id), eq(pointAppeals.status, "pending")))
      .returning({ id: pointAppeals.id });
    if (!done) throw new AppError("conflict", t.points.answered);
    await notify(tx, [row.appeal.memberId], {
      kind: "points",
      title: t.points.notice.answered,
      body: `${row.reason}：${input.answer}`,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "points.appeal.answer",
      targetType: "point_appeal",
      targetId: row.appeal.id,
      nodePath: row.branchPath,
      detail: { answer: input.answer },
    });
    return { id: row.appeal.id };
  });
}

/** Appeals waiting in a branch. */
export async function branchAppeals(db: Db, scope: Scope, branchId: number) {
  const branch = await loadBranch(db, scope, branchId);
  return db
    .select({
      id: pointAppeals.id,
      reason: pointAppeals.reason,
      createdAt: pointAppeals.createdAt,
      memberName: users.name,
      entryReason: pointEntries.reason,
      points: pointEntries.points,
    })
    .from(pointAppeals)
    .innerJoin(pointEntries, eq(pointEntries.id, pointAppeals.entryId))
    .innerJoin(users, eq(users.id, pointAppeals.memberId))
    .where(and(eq(pointEntries.branchId, branch.id), eq(pointAppeals.status, "pending")))
    .orderBy(asc(pointAppeals.id));
}

const inWindow = (from: Date, to: Date) => within(pointEntries.occurredAt, from, to);
const pointsSum = (where: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(${pointEntries.points}) filter (where ${where}), 0)::float8`;

/**
 * A branch's monthly bulletin (积分通报), computed from the ledger and the attendance records: each active
 * member's points this month (and the deductions among them), the year so far, and their attendance; the
 * month's deductions with their reasons, how many people they hit, and apart from them the corrections.
 */
export async function monthlyBulletin(db: Db, scope: Scope, branchId: number, month: string) {
  const branch = await loadBranch(db, scope, branchId);
  const { from, to } = monthRange(month);
  const yearFrom = monthRange(`${month.slice(0, 4)}-01`).from;
  const rows = await db
    .select({
      memberId: members.userId,
      name: users.name,
      monthPoints: pointsSum(inWindow(from, to)),
      monthDeductions: pointsSum(sql`${inWindow(from, to)} and ${isDeduction}`),
      yearPoints: pointsSum(inWindow(yearFrom, to)),
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    // Only what was earned in this branch: a member transferred in or out shows here with this branch's part.
    .leftJoin(pointEntries, and(eq(pointEntries.memberId, members.userId), eq(pointEntries.branchId, branch.id)))
    .where(inBranchDuring(members.userId, branch.id, from, to))
    .groupBy(members.userId, users.name);
  const seen = await db
    .select({
      memberId: attendance.memberId,
      expected: sql<number>`count(*) filter (where ${attendance.expected})::int`,
      came: sql<number>`count(*) filter (where ${attendance.outcome} in ('present', 'late'))::int`,
    })
    .from(attendance)
    .innerJoin(activities, eq(activities.id, attendance.activityId))
    .where(
      and(eq(activities.branchId, branch.id), eq(activities.status, "closed"), within(activities.startsAt, from, to)),
    )
    .groupBy(attendance.memberId);
  const byMember = new Map(seen.map((s) => [s.memberId, s]));
  const listed = (kind: typeof isDeduction) =>
    db
      .select({
        id: pointEntries.id,
        memberId: pointEntries.memberId,
        name: users.name,
        points: pointEntries.points,
        reason: pointEntries.reason,
        occurredAt: pointEntries.occurredAt,
      })
      .from(pointEntries)
      .innerJoin(users, eq(users.id, pointEntries.memberId))
      .where(and(eq(pointEntries.branchId, branch.id), kind, inWindow(from, to)))
      .orderBy(asc(pointEntries.occurredAt), asc(pointEntries.id));
  const [deductions, corrections] = await Promise.all([listed(isDeduction), listed(isCorrection)]);
  // No list ranks members unless the county has turned ranking on (docs/privacy.md#nothing-forced): by name.
  const ranked = await memberRankingOn(db, branch.path);
  const members_ = rows
    .map((r) => ({
      ...r,
      monthPoints: round1(r.monthPoints),
      monthDeductions: round1(r.monthDeductions),
      yearPoints: round1(r.yearPoints),
      came: byMember.get(r.memberId)?.came ?? 0,
      expected: byMember.get(r.memberId)?.expected ?? 0,
    }))
    .sort((a, b) => (ranked ? b.monthPoints - a.monthPoints : 0) || a.name.localeCompare(b.name, "zh-CN"));
  const expected = members_.reduce((s, r) => s + r.expected, 0);
  const came = members_.reduce((s, r) => s + r.came, 0);
  const deducted = new Set(deductions.map((d) => d.memberId)).size;
  return {
    branch: { id: branch.id, name: branch.name },
    month,
    rows: members_,
    ranked,
    deductions,
    deducted,
    corrections,
    attendanceRate: expected ? came / expected : null,
  };
}

/** The bulletin rolled up per branch, for a committee admin (their branches) or the county (all). */
export async function bulletinRollup(db: Db, scope: Scope, month: string) {
  const prefixes = reviewerPaths(scope);
  const { from, to } = monthRange(month);
  const branches = await db
    .select({
      id: orgNodes.id,
      name: orgNodes.name,
      members: sql<number>`(select count(*)::int from ${members}
        where ${inBranchDuring(members.userId, orgNodes.id, from, to)})`,
    })
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, prefixes)))
    .orderBy(asc(orgNodes.path));
  const points = await db
    .select({
      branchId: pointEntries.branchId,
      total: sql<number>`sum(${pointEntries.points})::float8`,
      deducted: sql<number>`count(distinct ${pointEntries.memberId}) filter (where ${isDeduction})::int`,
    })
    .from(pointEntries)
    .where(inWindow(from, to))
    .groupBy(pointEntries.branchId);
  const seen = await db
    .select({
      branchId: activities.branchId,
      expected: sql<number>`count(*) filter (where ${attendance.expected})::int`,
      came: sql<number>`count(*) filter (where ${attendance.outcome} in ('present', 'late'))::int`,
    })
    .from(attendance)
    .innerJoin(activities, eq(activities.id, attendance.activityId))
    .where(and(eq(activities.status, "closed"), within(activities.startsAt, from, to)))
    .groupBy(activities.branchId);
  const pointsOf = new Map(points.map((p) => [p.branchId, p]));
  const seenOf = new Map(seen.map((s) => [s.branchId, s]));
  return branches.map((b) => {
    const total = round1(Number(pointsOf.get(b.id)?.total ?? 0));
    const s = seenOf.get(b.id);
    return {
      branchId: b.id,
      branchName: b.name,
      members: b.members,
      total,
      average: b.members ? round1(total / b.members) : 0,
      deducted: pointsOf.get(b.id)?.deducted ?? 0,
      attendanceRate: s?.expected ? s.came / s.expected : null,
    };
  });
}
