import { and, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { decisionBlocked, leaveWindow, makeupDueAt } from "@/lib/leave";
import { t } from "@/lib/messages";
import { canDecideLeave, canFileLeaveFor, canRequestLeave, type LeaveSubject } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { formatFull } from "@/lib/time";
import type { Db } from "../open";
import { activities, attendance } from "../schema/activities";
import { type LeaveRequest, type LeaveType, leaveRequests, makeupTasks } from "../schema/leave";
import { orgNodes } from "../schema/org";
import { roleGrants, users } from "../schema/users";
import { loadActivity, syncRoster } from "./activities";
import { writeAudit } from "./audit";
import { notify } from "./notify";
import { roleHoldersOver } from "./role-holders";
import { storeUpload } from "./uploads";

/**
 * Leave requests: a member files, withdraws while pending; the secretary (the committee, for a
 * secretary's own) approves or rejects until the activity closes. Approval makes the attendance outcome
 * "leave" and a make-up task; every step is one transaction with its audit entry and notices.
 */

/** Whether the request's member is a secretary of the activity's branch: then the committee decides. */
export const bySecretary = sql<boolean>`exists (
  select 1 from ${roleGrants}
  where ${roleGrants.userId} = ${leaveRequests.memberId} and ${roleGrants.role} = 'secretary'
    and ${roleGrants.nodeId} = ${activities.branchId}
)`;

/** A request with its activity and branch; not-found and out-of-scope differ only by status code. */
export async function loadLeave(
  db: Db,
  scope: Scope,
  leaveId: number,
  allowed: (scope: Scope, leave: LeaveSubject) => boolean,
) {
  const [row] = await db
    .select({
      leave: leaveRequests,
      activity: activities,
      branchPath: orgNodes.path,
      memberName: users.name,
      bySecretary,
    })
    .from(leaveRequests)
    .innerJoin(activities, eq(activities.id, leaveRequests.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .innerJoin(users, eq(users.id, leaveRequests.memberId))
    .where(eq(leaveRequests.id, leaveId));
  if (!row) throw new AppError("not_found");
  const subject: LeaveSubject = {
    memberId: row.leave.memberId,
    branchPath: row.branchPath,
    bySecretary: row.bySecretary,
  };
  if (!allowed(scope, subject)) throw new AppError("forbidden");
  return { ...row, subject };
}

/** Who decides a request from this branch: its secretaries, or for a secretary the committee admins above. */
export async function decidersOf(db: Db, subject: LeaveSubject): Promise<number[]> {
  return roleHoldersOver(
    db,
    subject.bySecretary ? "committee_admin" : "secretary",
    subject.branchPath,
    subject.memberId,
  );
}

/** What filing answers, the first time and to every replay: only what was fixed when the request was made. */
export type LeaveReceipt = {
  id: number;
  clientId: string;
  activityId: number;
  type: LeaveType;
  late: boolean;
  createdAt: Date;
};
const receiptOf = (row: LeaveRequest): LeaveReceipt => ({
  id: row.id,
  clientId: row.clientId,
  activityId: row.activityId,
  type: row.type,
  late: row.late,
  createdAt: row.createdAt,
});

/**
 * The answer already given for this client id, or null; an id used by someone else, or for another activity, is
 * refused.
 */
async function replayOf(
  db: Db,
  scope: Scope,
  input: { clientId: string; activityId: number },
): Promise<LeaveReceipt | null> {
  const [row] = await db.select().from(leaveRequests).where(eq(leaveRequests.clientId, input.clientId));
  if (!row) return null;
  if (row.filedBy !== scope.userId || row.activityId !== input.activityId)
    throw new AppError("conflict", t.leave.clientIdReused);
  return receiptOf(row);
}

/** Thrown inside the filing transaction to roll it back when a concurrent replay won the client id. */
class ReplayWon extends Error {}

const isUniqueViolation = (error: unknown): boolean => {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
};

export interface NewLeave {
  clientId: string;
  activityId: number;
  type: LeaveType;
  reason: string;
  late: boolean;
  attachment?: { mime: string; bytes: Buffer };
  /** Filed by a secretary for this member of their branch; absent: the caller's own request. */
  memberId?: number;
}

/**
 * A member asks for leave from an activity of their branch, or their secretary asks for them (`memberId`,
 * for a member without a phone: `filedBy` records the secretary). Idempotent on `clientId`
 * (docs/architecture.md#offline):
 * a replay, also one racing the first request, gets the first answer and never makes a second row.
 */
export async function fileLeave(db: Db, scope: Scope, input: NewLeave, now = new Date()): Promise<LeaveReceipt> {
  const replay = await replayOf(db, scope, input);
  if (replay) return replay;
  const memberId = input.memberId ?? scope.userId;
  const onBehalf = memberId !== scope.userId;
  try {
    const row = await db.transaction(async (tx) => {
      // A replay that lost the race to the first request sees it here, once the first has committed.
      const [same] = await tx
        .select({ id: leaveRequests.id })
        .from(leaveRequests)
        .where(eq(leaveRequests.clientId, input.clientId));
      if (same) throw new ReplayWon();
      const activity = await loadActivity(tx, scope, input.activityId, onBehalf ? canFileLeaveFor : canRequestLeave);
      const window = leaveWindow(activity, now);
      if (window === "closed") throw new AppError("conflict", t.leave.closed);
      if (window === "late" && !input.late) throw new AppError("conflict", t.leave.started);
      if (window === "open") await syncRoster(tx, activity, now);
      const [mine] = await tx
        .select()
        .from(attendance)
        .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, memberId)));
      if (!mine && onBehalf) throw new AppError("not_found"); // not a member of this activity's branch
      if (!mine?.expected) throw new AppError("conflict", t.leave.notExpected);
      if (mine.outcome === "present" || mine.outcome === "late") throw new AppError("conflict", t.leave.alreadyHere);
      const [live] = await tx
        .select({ id: leaveRequests.id })
        .from(leaveRequests)
        .where(
          and(
            eq(leaveRequests.activityId, activity.id),
            eq(leaveRequests.memberId, memberId),
            inArray(leaveRequests.status, ["pending", "approved"]),
          ),
        );
      if (live) throw new AppError("conflict", t.leave.alreadyOpen);

      const attachmentId = await storeUpload(tx, scope, input.attachment);
      const [leave] = await tx
        .insert(leaveRequests)
        .values({
          clientId: input.clientId,
          activityId: activity.id,
          memberId,
          filedBy: scope.userId,
          type: input.type,
          reason: input.reason,
          attachmentId,
          late: window === "late",
          createdAt: now,
        })
        .onConflictDoNothing({ target: leaveRequests.clientId })
        .returning();
      if (!leave) throw new ReplayWon();

      const [secretary] = await tx
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(
          and(
            eq(roleGrants.userId, memberId),
            eq(roleGrants.role, "secretary"),
            eq(roleGrants.nodeId, activity.branchId),
          ),
        );
      const subject = { memberId, branchPath: activity.branchPath, bySecretary: Boolean(secretary) };
      const [member] = await tx.select({ name: users.name }).from(users).where(eq(users.id, memberId));
      const body = `${t.leave.types[leave.type]}：${leave.reason}`;
      if (onBehalf) {
        const [by] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
        const others = (await decidersOf(tx, subject)).filter((id) => id !== scope.userId);
        await notify(tx, others, {
          kind: "leave",
          activityId: activity.id,
          title: t.assist.leaveForFiled(by.name, member.name, activity.title),
          body,
        });
        await notify(tx, [memberId], {
          kind: "leave",
          activityId: activity.id,
          title: t.assist.leaveForNotice(by.name, activity.title),
          body,
        });
      } else {
        await notify(tx, await decidersOf(tx, subject), {
          kind: "leave",
          activityId: activity.id,
          title: (leave.late ? t.leave.notice.lateFiled : t.leave.notice.filed)(member.name, activity.title),
          body,
        });
      }
      await writeAudit(tx, {
        actorId: scope.userId,
        action: onBehalf ? "leave.request_for" : "leave.request",
        targetType: "leave_request",
        targetId: leave.id,
        nodePath: activity.branchPath,
        detail: {
          activityId: activity.id,
          type: leave.type,
          late: leave.late,
          attachment: attachmentId,
          ...(onBehalf && { memberId }),
        },
      });
      return leave;
    });
    return receiptOf(row);
  } catch (error) {
    // Whatever refused this attempt (the live request it saw, a unique index), a concurrent request with
    // the same client id that committed meanwhile was the first: its answer is the answer.
    const again = await replayOf(db, scope, input);
    if (again) return again;
    if (error instanceof ReplayWon || isUniqueViolation(error)) throw new AppError("conflict", t.leave.alreadyOpen);
    throw error;
  }
}

/** The member takes back a request nobody has decided yet. */
export async function withdrawLeave(db: Db, scope: Scope, input: { leaveId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const { leave, branchPath } = await loadLeave(tx, scope, input.leaveId, (s, l) => s.userId === l.memberId);
    const [done] = await tx
      .update(leaveRequests)
      .set({ status: "withdrawn", withdrawnAt: now })
      .where(and(eq(leaveRequests.id, leave.id), eq(leaveRequests.status, "pending")))
      .returning({ id: leaveRequests.id });
    if (!done) throw new AppError("conflict", t.leave.notPending);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "leave.withdraw",
      targetType: "leave_request",
      targetId: leave.id,
      nodePath: branchPath,
      detail: { activityId: leave.activityId },
    });
  });
}

type Loaded = Awaited<ReturnType<typeof loadLeave>>;
type DecidedFrom = "pending" | "approved" | "rejected";

/** Why a decision taken on what the decider saw no longer applies: who decided the request since, and how. */
async function decidedMeanwhile(tx: Db, leaveId: number): Promise<AppError> {
  const [now] = await tx
    .select({ status: leaveRequests.status, by: users.name })
    .from(leaveRequests)
    .leftJoin(users, eq(users.id, leaveRequests.decidedBy))
    .where(eq(leaveRequests.id, leaveId));
  if (now.status === "withdrawn") return new AppError("conflict", t.leave.isWithdrawn);
  return new AppError("conflict", t.leave.decidedMeanwhile(now.by ?? "", t.leave.status[now.status]));
}

/** One decision inside the caller's transaction. Checks come before writes, so a refusal leaves nothing half done. */
async function decideOne(
  tx: Db,
  scope: Scope,
  loaded: Loaded,
  decision: "approve" | "reject",
  comment: string,
  from: DecidedFrom,
  now: Date,
) {
  const { leave, activity, branchPath } = loaded;
  const to = decision === "approve" ? "approved" : "rejected";
  if (to === "rejected" && !comment)
    throw new AppError("bad_request", t.leave.commentRequired, { comment: t.leave.commentRequired });
  if (activity.status !== "closed" && leave.status !== "withdrawn" && leave.status !== from)
    throw await decidedMeanwhile(tx, leave.id);
  const blocked = decisionBlocked(leave, activity, to);
  if (blocked)
    throw new AppError(
      "conflict",
      { closed: t.leave.activityClosed, withdrawn: t.leave.isWithdrawn, same: t.leave.sameDecision }[blocked],
    );

  const [task] = await tx.select().from(makeupTasks).where(eq(makeupTasks.leaveId, leave.id));
  if (to === "rejected" && task?.confirmedAt) throw new AppError("conflict", t.leave.makeup.confirmedReversal);
  if (to === "approved") {
    if (now < activity.startsAt) await syncRoster(tx, activity, now);
    const [row] = await tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, leave.memberId)));
    if (!row?.expected) throw new AppError("conflict", t.leave.memberNotExpected);
    if (row.outcome === "present" || row.outcome === "late") throw new AppError("conflict", t.leave.alreadyHere);
  }

  // Of two deciders at once, the second waits for the first's row and then finds it no longer in `from`.
  const [changed] = await tx
    .update(leaveRequests)
    .set({ status: to, decidedBy: scope.userId, decidedAt: now, comment: comment || null })
    .where(and(eq(leaveRequests.id, leave.id), eq(leaveRequests.status, from)))
    .returning({ id: leaveRequests.id });
  if (!changed) throw await decidedMeanwhile(tx, leave.id);

  const dueAt = makeupDueAt(activity);
  const mine = and(eq(attendance.activityId, activity.id), eq(attendance.memberId, leave.memberId));
  if (to === "approved") {
    await tx
      .update(attendance)
      .set({ outcome: "leave", source: "leave", recordedBy: scope.userId, recordedAt: now })
      .where(mine);
    await tx
      .insert(makeupTasks)
      .values({ leaveId: leave.id, activityId: activity.id, memberId: leave.memberId, dueAt })
      .onConflictDoNothing();
  } else if (leave.status === "approved") {
    // Undo only what the approval wrote: a check-in recorded since then stays.
    await tx
      .update(attendance)
      .set({ outcome: null, source: null, recordedBy: null, recordedAt: null })
      .where(and(mine, eq(attendance.source, "leave")));
    await tx.delete(makeupTasks).where(eq(makeupTasks.leaveId, leave.id));
  }

  await notify(tx, [leave.memberId], {
    kind: "leave",
    activityId: activity.id,
    title: (to === "approved" ? t.leave.notice.approved : t.leave.notice.rejected)(activity.title),
    body: [
      comment && `${t.leave.comment}：${comment}`,
      to === "approved" && t.leave.notice.makeupDue(formatFull(dueAt)),
    ]
      .filter(Boolean)
      .join("\n"),
  });
  await writeAudit(tx, {
    actorId: scope.userId,
    action: `leave.${decision}`,
    targetType: "leave_request",
    targetId: leave.id,
    nodePath: branchPath,
    detail: {
      activityId: activity.id,
      memberId: leave.memberId,
      from: leave.status,
      late: leave.late,
      comment: comment || null,
      makeupRemoved: Boolean(task && to === "rejected"),
    },
  });
}

/**
 * Approve or reject one request. A decision can be changed until the activity closes, by one who saw it
 * (`from`, pending unless said): the request must still be as they saw it.
 */
export async function decideLeave(
  db: Db,
  scope: Scope,
  input: { leaveId: number; decision: "approve" | "reject"; comment: string; from?: DecidedFrom },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const loaded = await loadLeave(tx, scope, input.leaveId, canDecideLeave);
    await decideOne(tx, scope, loaded, input.decision, input.comment, input.from ?? "pending", now);
  });
}

/**
 * Approves several requests at once. One the caller may not decide refuses the whole batch; one that has
 * meanwhile been withdrawn, decided or can no longer be approved is skipped and counted.
 */
export async function approveMany(
  db: Db,
  scope: Scope,
  input: { leaveIds: number[]; comment: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    let approved = 0;
    let skipped = 0;
    for (const leaveId of [...new Set(input.leaveIds)]) {
      const loaded = await loadLeave(tx, scope, leaveId, canDecideLeave);
      try {
        await tx.transaction((savepoint) =>
          decideOne(savepoint, scope, loaded, "approve", input.comment, "pending", now),
        );
        approved++;
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== "conflict") throw error;
        skipped++;
      }
    }
    return { approved, skipped };
  });
}
