import { and, asc, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canChaseTransfer, canManageRoster, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import type { DecideTransfer } from "@/lib/validation/membership";
import type { Db } from "../open";
import { memberTransfers } from "../schema/membership";
import { orgNodes } from "../schema/org";
import { countySettings } from "../schema/settings";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";
import { changeCountySettings, countyOf } from "./county-settings";
import { followBranches } from "./expected-roster";
import { notify } from "./notify";
import { roleHoldersOver } from "./role-holders";
import { pathUnder } from "./scope-sql";

/**
 * 组织关系转接 inside the county (docs/architecture.md#membership-history): the sending branch's secretary
 * starts it, the receiving branch's secretary accepts or returns it, the committee or county above both
 * chases it. While pending the member stays on the sending roster; on acceptance `members.branchId` moves and
 * the accepted transfer is what keeps everything before attributed to the branch it happened in.
 */

const DAY_MS = 86_400_000;
export const DEFAULT_TRANSFER_DUE_DAYS = 30;

export async function transferDueDays(db: Db, path: string): Promise<number> {
  const [row] = await db
    .select({ days: countySettings.transferDueDays })
    .from(countySettings)
    .where(eq(countySettings.countyId, countyOf(path)));
  return row?.days ?? DEFAULT_TRANSFER_DUE_DAYS;
}

/** The county admin sets how many days a receiving branch has; applies to transfers started from then on. */
export async function setTransferDueDays(db: Db, scope: Scope, input: { days: number }, now = new Date()) {
  await changeCountySettings(
    db,
    scope,
    { transferDueDays: input.days },
    { action: "membership.transfer_due_days", detail: { days: input.days } },
    now,
  );
  return { days: input.days };
}

const fromNode = alias(orgNodes, "from_node");
const toNode = alias(orgNodes, "to_node");

const transferColumns = {
  id: memberTransfers.id,
  memberId: memberTransfers.memberId,
  memberName: users.name,
  fromBranchId: memberTransfers.fromBranchId,
  fromName: fromNode.name,
  fromPath: fromNode.path,
  toBranchId: memberTransfers.toBranchId,
  toName: toNode.name,
  toPath: toNode.path,
  reason: memberTransfers.reason,
  status: memberTransfers.status,
  requestedAt: memberTransfers.requestedAt,
  dueAt: memberTransfers.dueAt,
  decidedAt: memberTransfers.decidedAt,
  decisionNote: memberTransfers.decisionNote,
  chasedAt: memberTransfers.chasedAt,
};

const selectTransfers = (db: Db) =>
  db
    .select(transferColumns)
    .from(memberTransfers)
    .innerJoin(users, eq(users.id, memberTransfers.memberId))
    .innerJoin(fromNode, eq(fromNode.id, memberTransfers.fromBranchId))
    .innerJoin(toNode, eq(toNode.id, memberTransfers.toBranchId));

type TransferRow = Awaited<ReturnType<typeof selectTransfers>>[number];

/** A pending transfer past its deadline. */
export const isOverdue = (row: Pick<TransferRow, "status" | "dueAt">, now: Date) =>
  row.status === "pending" && row.dueAt.getTime() < now.getTime();

const withFlag = (now: Date) => (row: TransferRow) => ({ ...row, overdue: isOverdue(row, now) });

async function loadTransfer(db: Db, transferId: number) {
  const [row] = await selectTransfers(db).where(eq(memberTransfers.id, transferId));
  if (!row) throw new AppError("not_found");
  return row;
}

/** The sending secretary (or the county) starts a transfer of an active member to another branch of the county. */
export async function startTransfer(
  db: Db,
  scope: Scope,
  input: { memberId: number; toBranchId: number; reason: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        userId: members.userId,
        name: users.name,
        active: members.active,
        branchId: members.branchId,
        path: orgNodes.path,
        branchName: orgNodes.name,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
      .where(eq(members.userId, input.memberId))
      .for("update", { of: members });
    if (!member) throw new AppError("not_found");
    if (!canManageRoster(scope, member.path) || member.userId === scope.userId) throw new AppError("forbidden");
    if (!member.active) throw new AppError("conflict", t.membership.inactive);
    const [target] = await tx.select().from(orgNodes).where(eq(orgNodes.id, input.toBranchId));
    if (target?.kind !== "branch" || countyOf(target.path) !== countyOf(member.path))
      throw new AppError("bad_request", t.membership.notBranch, { toBranchId: t.membership.notBranch });
    if (target.id === member.branchId)
      throw new AppError("bad_request", t.membership.sameBranch, { toBranchId: t.membership.sameBranch });
    const days = await transferDueDays(tx, member.path);
    const [row] = await tx
      .insert(memberTransfers)
      .values({
        memberId: member.userId,
        fromBranchId: member.branchId,
        toBranchId: target.id,
        reason: input.reason,
        requestedBy: scope.userId,
        requestedAt: now,
        dueAt: new Date(now.getTime() + days * DAY_MS),
      })
      .onConflictDoNothing()
      .returning({ id: memberTransfers.id });
    if (!row) throw new AppError("conflict", t.membership.alreadyPending);
    await notify(tx, await roleHoldersOver(tx, "secretary", target.path, scope.userId), {
      kind: "membership",
      title: t.membership.notice.incoming(member.name, member.branchName),
      body: input.reason,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.transfer_start",
      targetType: "member_transfer",
      targetId: row.id,
      nodePath: member.path,
      detail: { memberId: member.userId, fromBranchId: member.branchId, toBranchId: target.id, reason: input.reason },
    });
    return { id: row.id };
  });
}

/**
 * The receiving secretary (or the county) accepts or returns a pending transfer. Two at once: one wins, the
 * other is told it is decided (guarded update). Accepting moves the member and every roster of an activity
 * that has not started; returning changes nothing but the transfer.
 */
export async function decideTransfer(db: Db, scope: Scope, input: DecideTransfer, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await loadTransfer(tx, input.transferId);
    if (!canManageRoster(scope, row.toPath)) throw new AppError("forbidden");
    const status = input.decision === "accept" ? "accepted" : "returned";
    const [done] = await tx
      .update(memberTransfers)
      .set({ status, decidedBy: scope.userId, decidedAt: now, decisionNote: input.note || null })
      .where(and(eq(memberTransfers.id, row.id), eq(memberTransfers.status, "pending")))
      .returning({ id: memberTransfers.id });
    if (!done) throw new AppError("conflict", t.membership.decided);
    if (status === "accepted") {
      const [moved] = await tx
        .update(members)
        .set({ branchId: row.toBranchId, updatedAt: now })
        .where(and(eq(members.userId, row.memberId), eq(members.branchId, row.fromBranchId), eq(members.active, true)))
        .returning({ userId: members.userId });
      // The member left the sending branch's rolls some other way since: there is nobody to receive.
      if (!moved) throw new AppError("conflict", t.membership.inactive);
      await followBranches(tx, [row.fromBranchId, row.toBranchId], now);
      await notify(tx, [row.memberId], { kind: "membership", title: t.membership.notice.welcome(row.toName) });
    }
    const senders = await roleHoldersOver(tx, "secretary", row.fromPath, scope.userId);
    await notify(tx, senders, {
      kind: "membership",
      title:
        status === "accepted"
          ? t.membership.notice.accepted(row.memberName, row.toName)
          : t.membership.notice.returned(row.memberName, row.toName),
      body: input.note || undefined,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.transfer_decide",
      targetType: "member_transfer",
      targetId: row.id,
      nodePath: row.toPath,
      detail: { decision: input.decision, note: input.note, memberId: row.memberId },
    });
    return { id: row.id, status };
  });
}

/** The sender takes back a transfer not yet decided. */
export async function withdrawTransfer(db: Db, scope: Scope, input: { transferId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await loadTransfer(tx, input.transferId);
    if (!canManageRoster(scope, row.fromPath)) throw new AppError("forbidden");
    const [done] = await tx
      .update(memberTransfers)
      .set({ status: "withdrawn", decidedBy: scope.userId, decidedAt: now })
      .where(and(eq(memberTransfers.id, row.id), eq(memberTransfers.status, "pending")))
      .returning({ id: memberTransfers.id });
    if (!done) throw new AppError("conflict", t.membership.decided);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.transfer_withdraw",
      targetType: "member_transfer",
      targetId: row.id,
      nodePath: row.fromPath,
    });
    return { id: row.id };
  });
}

/** A committee or county admin above both branches reminds the receiving secretaries. */
export async function chaseTransfer(db: Db, scope: Scope, input: { transferId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const row = await loadTransfer(tx, input.transferId);
    if (!canChaseTransfer(scope, row.fromPath, row.toPath)) throw new AppError("forbidden");
    const [done] = await tx
      .update(memberTransfers)
      .set({ chasedAt: now })
      .where(and(eq(memberTransfers.id, row.id), eq(memberTransfers.status, "pending")))
      .returning({ id: memberTransfers.id });
    if (!done) throw new AppError("conflict", t.membership.decided);
    await notify(tx, await roleHoldersOver(tx, "secretary", row.toPath, scope.userId), {
      kind: "membership",
      title: t.membership.notice.chased(row.memberName),
      body: t.membership.dueBy(shanghaiDay(row.dueAt)),
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.transfer_chase",
      targetType: "member_transfer",
      targetId: row.id,
      nodePath: row.toPath,
    });
    return { id: row.id };
  });
}

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The roster job's part (lib/server/roster-freeze.ts): each pending transfer past its deadline that nobody
 * chased since it fell due is chased once by the system. Idempotent; returns how many it reminded.
 */
export async function remindOverdueTransfers(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .update(memberTransfers)
      .set({ chasedAt: now })
      .where(
        and(
          eq(memberTransfers.status, "pending"),
          lt(memberTransfers.dueAt, now),
          or(isNull(memberTransfers.chasedAt), lt(memberTransfers.chasedAt, memberTransfers.dueAt)),
        ),
      )
      .returning({ id: memberTransfers.id });
    for (const { id } of due) {
      const row = await loadTransfer(tx, id);
      await notify(tx, await roleHoldersOver(tx, "secretary", row.toPath), {
        kind: "membership",
        title: t.membership.notice.chased(row.memberName),
        body: t.membership.dueBy(shanghaiDay(row.dueAt)),
      });
    }
    return due.length;
  });
}

/** A branch's transfers, for its secretary or an admin above: coming in, and going out (recent first). */
export async function branchTransfers(db: Db, scope: Scope, branchId: number, now = new Date()) {
  const branch = await loadBranch(db, scope, branchId);
  const flag = withFlag(now);
  const [incoming, outgoing] = await Promise.all([
    selectTransfers(db)
      .where(eq(memberTransfers.toBranchId, branch.id))
      .orderBy(sql`${memberTransfers.status} = 'pending' desc`, desc(memberTransfers.requestedAt))
      .limit(100),
    selectTransfers(db)
      .where(eq(memberTransfers.fromBranchId, branch.id))
      .orderBy(sql`${memberTransfers.status} = 'pending' desc`, desc(memberTransfers.requestedAt))
      .limit(100),
  ]);
  return {
    branch: { id: branch.id, name: branch.name, path: branch.path },
    incoming: incoming.map(flag),
    outgoing: outgoing.map(flag),
  };
}

/** For a committee or county admin: every transfer touching a branch they review, pending first, overdue flagged. */
export async function transfersOverview(db: Db, scope: Scope, now = new Date()) {
  const prefixes = reviewerPaths(scope);
  const rows = await selectTransfers(db)
    .where(or(pathUnder(fromNode.path, prefixes), pathUnder(toNode.path, prefixes)))
    .orderBy(sql`${memberTransfers.status} = 'pending' desc`, asc(memberTransfers.dueAt))
    .limit(200);
  return rows.map((r) => ({ ...withFlag(now)(r), canChase: canChaseTransfer(scope, r.fromPath, r.toPath) }));
}

/** A member's pending transfer, for the member page of whoever may read their roster. */
export async function pendingTransferOf(db: Db, scope: Scope, memberId: number, now = new Date()) {
  const [row] = await selectTransfers(db).where(
    and(eq(memberTransfers.memberId, memberId), eq(memberTransfers.status, "pending")),
  );
  if (!row) return null;
  if (!canReadRoster(scope, row.fromPath) && !canReadRoster(scope, row.toPath) && row.memberId !== scope.userId)
    throw new AppError("forbidden");
  return withFlag(now)(row);
}

/** The member's own transfers, oldest first: one continuous history across branches. */
export async function myTransfers(db: Db, scope: Scope) {
  return selectTransfers(db)
    .where(eq(memberTransfers.memberId, scope.userId))
    .orderBy(asc(memberTransfers.requestedAt));
}

/** The county's branches a roster manager may send a member to (names only), in tree order. */
export async function transferTargets(db: Db, scope: Scope, fromBranchId: number) {
  const [from] = await db.select().from(orgNodes).where(eq(orgNodes.id, fromBranchId));
  if (from?.kind !== "branch") throw new AppError("not_found");
  if (!canManageRoster(scope, from.path)) throw new AppError("forbidden");
  return db
    .select({ id: orgNodes.id, name: orgNodes.name })
    .from(orgNodes)
    .where(
      and(
        eq(orgNodes.kind, "branch"),
        pathUnder(orgNodes.path, [`/${countyOf(from.path)}/`]),
        sql`${orgNodes.id} <> ${from.id}`,
      ),
    )
    .orderBy(asc(orgNodes.path));
}
