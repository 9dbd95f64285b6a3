import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import { shanghaiDate } from "@/lib/community";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageRoster, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { StartAway } from "@/lib/validation/membership";
import type { Db } from "../open";
import { activities, attendance } from "../schema/activities";
import { awayReports, awaySpells } from "../schema/membership";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { followBranches } from "./expected-roster";
import { notify } from "./notify";
import { roleHoldersOver } from "./role-holders";
import { storeUpload } from "./uploads";

/**
 * Members away (流动党员, docs/architecture.md#membership-history): the secretary records where and until
 * when; while away the member is on the roster but not expected, so never counted absent. Taking part in a
 * theme day where they are is reported by the member and confirmed by the secretary: present elsewhere.
 */

async function managedMember(tx: Db, scope: Scope, memberId: number) {
  const [member] = await tx
    .select({ userId: members.userId, active: members.active, branchId: members.branchId, path: orgNodes.path })
    .from(members)
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, memberId))
    .for("update", { of: members });
  if (!member) throw new AppError("not_found");
  if (!canManageRoster(scope, member.path)) throw new AppError("forbidden");
  if (!member.active) throw new AppError("conflict", t.membership.closedRecord);
  return member;
}

export async function startAway(db: Db, scope: Scope, input: StartAway, now = new Date()) {
  return db.transaction(async (tx) => {
    const member = await managedMember(tx, scope, input.memberId);
    const [spell] = await tx
      .insert(awaySpells)
      .values({
        memberId: member.userId,
        branchId: member.branchId,
        place: input.place,
        hostOrg: input.hostOrg ?? "",
        contact: input.contact ?? "",
        startedOn: shanghaiDate(now),
        until: input.until,
        createdBy: scope.userId,
      })
      .onConflictDoNothing()
      .returning({ id: awaySpells.id });
    if (!spell) throw new AppError("conflict", t.membership.alreadyAway);
    await tx.update(members).set({ presence: "away", updatedAt: now }).where(eq(members.userId, member.userId));
    await followBranches(tx, [member.branchId], now);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.away_start",
      targetType: "away_spell",
      targetId: spell.id,
      nodePath: member.path,
      detail: { memberId: member.userId, place: input.place, until: input.until },
    });
    return { id: spell.id };
  });
}

/** Back on the roster at home: expected again from the next activity that has not started. */
export async function endAway(db: Db, scope: Scope, input: { memberId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const member = await managedMember(tx, scope, input.memberId);
    const [spell] = await tx
      .update(awaySpells)
      .set({ endedAt: now })
      .where(and(eq(awaySpells.memberId, member.userId), isNull(awaySpells.endedAt)))
      .returning({ id: awaySpells.id });
    if (!spell) throw new AppError("conflict", t.membership.notAway);
    await tx.update(members).set({ presence: "home", updatedAt: now }).where(eq(members.userId, member.userId));
    await followBranches(tx, [member.branchId], now);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.away_end",
      targetType: "away_spell",
      targetId: spell.id,
      nodePath: member.path,
    });
    return { id: spell.id };
  });
}

/**
 * The member reports a theme day of their branch that they joined where they are: only one they were away
 * for (not expected), once. A photo may come with it, never must.
 */
export async function fileAwayReport(
  db: Db,
  scope: Scope,
  input: { activityId: number; note: string; photo?: { mime: string; bytes: Buffer } },
  now = new Date(),
) {
  if (!scope.member) throw new AppError("forbidden");
  const member = scope.member;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ activity: activities, expected: attendance.expected })
      .from(activities)
      .innerJoin(attendance, and(eq(attendance.activityId, activities.id), eq(attendance.memberId, scope.userId)))
      .where(eq(activities.id, input.activityId));
    if (!row || row.activity.branchId !== member.branchId) throw new AppError("not_found");
    const [spell] = await tx
      .select()
      .from(awaySpells)
      .where(eq(awaySpells.memberId, scope.userId))
      .orderBy(desc(awaySpells.id))
      .limit(1);
    if (!spell || row.expected || row.activity.type !== "theme_day")
      throw new AppError("conflict", t.membership.notAwayThen);
    // Taking part is reported once it has happened: a phone's clock says nothing here, the server's does.
    if (now < row.activity.startsAt) throw new AppError("conflict", t.membership.notStartedYet);
    const photoId = await storeUpload(tx, scope, input.photo);
    const [report] = await tx
      .insert(awayReports)
      .values({ spellId: spell.id, memberId: scope.userId, activityId: row.activity.id, note: input.note, photoId })
      .onConflictDoNothing()
      .returning({ id: awayReports.id });
    if (!report) throw new AppError("conflict", t.membership.alreadyReported);
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    await notify(tx, await roleHoldersOver(tx, "secretary", member.branchPath, scope.userId), {
      kind: "membership",
      activityId: row.activity.id,
      title: `${t.membership.reports}：${me.name}`,
      body: input.note,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.away_report",
      targetType: "away_report",
      targetId: report.id,
      nodePath: member.branchPath,
      detail: { activityId: row.activity.id, photo: photoId !== null },
    });
    return { id: report.id };
  });
}

/**
 * The member's own report of a theme day of their branch, and whether they may file one: away for it (not
 * expected, a spell on record) and it has started. For the activity page.
 */
export async function myAwayReport(db: Db, scope: Scope, activityId: number, now = new Date()) {
  if (!scope.member) return { canReport: false, report: null };
  const [row] = await db
    .select({ activity: activities, expected: attendance.expected })
    .from(activities)
    .innerJoin(attendance, and(eq(attendance.activityId, activities.id), eq(attendance.memberId, scope.userId)))
    .where(eq(activities.id, activityId));
  if (!row || row.activity.branchId !== scope.member.branchId || row.activity.type !== "theme_day" || row.expected)
    return { canReport: false, report: null };
  const [report] = await db
    .select({ status: awayReports.status, createdAt: awayReports.createdAt, confirmedAt: awayReports.confirmedAt })
    .from(awayReports)
    .where(and(eq(awayReports.activityId, activityId), eq(awayReports.memberId, scope.userId)));
  const [spell] = await db
    .select({ id: awaySpells.id })
    .from(awaySpells)
    .where(eq(awaySpells.memberId, scope.userId))
    .limit(1);
  return { canReport: Boolean(spell) && !report && now >= row.activity.startsAt, report: report ?? null };
}

/** The secretary confirms a report: the member counts as present elsewhere for that activity. */
export async function confirmAwayReport(db: Db, scope: Scope, input: { reportId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ report: awayReports, path: orgNodes.path })
      .from(awayReports)
      .innerJoin(activities, eq(activities.id, awayReports.activityId))
      .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
      .where(eq(awayReports.id, input.reportId));
    if (!row) throw new AppError("not_found");
    if (!canManageRoster(scope, row.path)) throw new AppError("forbidden");
    const [done] = await tx
      .update(awayReports)
      .set({ status: "confirmed", confirmedBy: scope.userId, confirmedAt: now })
      .where(and(eq(awayReports.id, row.report.id), eq(awayReports.status, "pending")))
      .returning({ id: awayReports.id });
    if (!done) throw new AppError("conflict", t.membership.reportDecided);
    await notify(tx, [row.report.memberId], {
      kind: "membership",
      activityId: row.report.activityId,
      title: t.membership.confirmedElsewhere,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.away_confirm",
      targetType: "away_report",
      targetId: row.report.id,
      nodePath: row.path,
    });
    return { id: row.report.id };
  });
}

/** A branch's members away now and the reports of its activities, for its secretary or an admin above. */
export async function branchAway(db: Db, scope: Scope, branchId: number) {
  const [branch] = await db.select().from(orgNodes).where(eq(orgNodes.id, branchId));
  if (branch?.kind !== "branch") throw new AppError("not_found");
  if (!canReadRoster(scope, branch.path)) throw new AppError("forbidden");
  const [away, reports] = await Promise.all([
    db
      .select({
        memberId: awaySpells.memberId,
        name: users.name,
        place: awaySpells.place,
        hostOrg: awaySpells.hostOrg,
        contact: awaySpells.contact,
        until: awaySpells.until,
      })
      .from(awaySpells)
      .innerJoin(members, eq(members.userId, awaySpells.memberId))
      .innerJoin(users, eq(users.id, awaySpells.memberId))
      .where(and(eq(members.branchId, branch.id), isNull(awaySpells.endedAt)))
      .orderBy(asc(awaySpells.until)),
    db
      .select({
        id: awayReports.id,
        memberId: awayReports.memberId,
        name: users.name,
        activityId: awayReports.activityId,
        activityTitle: activities.title,
        note: awayReports.note,
        photoId: awayReports.photoId,
        status: awayReports.status,
      })
      .from(awayReports)
      .innerJoin(activities, eq(activities.id, awayReports.activityId))
      .innerJoin(users, eq(users.id, awayReports.memberId))
      .where(eq(activities.branchId, branch.id))
      .orderBy(desc(awayReports.id))
      .limit(100),
  ]);
  return { branch: { id: branch.id, name: branch.name }, away, reports };
}

/**
 * The roster job's part: each member whose spell away has run out is told once to come back to the roster
 * at home. Idempotent; returns how many it told.
 */
export async function remindAwayEnded(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(awaySpells)
      .set({ remindedAt: now })
      .where(and(isNull(awaySpells.endedAt), isNull(awaySpells.remindedAt), lt(awaySpells.until, shanghaiDate(now))))
      .returning({ memberId: awaySpells.memberId });
    for (const { memberId } of due)
      await notify(tx, [memberId], { kind: "membership", title: t.membership.notice.awayEnded });
    return due.length;
  });
}

/** A member's spell away now, if any, for whoever reads their roster. */
export async function openAwayOf(db: Db, scope: Scope, memberId: number) {
  const [row] = await db
    .select({ spell: awaySpells, path: orgNodes.path })
    .from(awaySpells)
    .innerJoin(members, eq(members.userId, awaySpells.memberId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(and(eq(awaySpells.memberId, memberId), isNull(awaySpells.endedAt)));
  if (!row) return null;
  if (!canReadRoster(scope, row.path)) throw new AppError("forbidden");
  return row.spell;
}
