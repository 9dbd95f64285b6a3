import { and, asc, desc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import { attendanceRule } from "@/lib/points";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { activities, attendance } from "../schema/activities";
import { checkinDisputes, checkins } from "../schema/checkins";
import { users } from "../schema/users";
import { type ActivityWithBranch, loadActivity } from "./activities";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";
import { notify } from "./notify";
import { award, reverseSource } from "./points";
import { roleHoldersOver } from "./role-holders";

/**
 * What the secretary settles about check-ins the app could not vouch for by itself: offline scans (the
 * phone's word on when it was there) and proxy check-ins the member disputes. Closing waits for both.
 */

/** Takes a check-in's attendance back: not yet decided while the activity runs, absent once it is closed. */
async function withdrawAttendance(
  tx: Db,
  scope: Scope,
  activity: ActivityWithBranch,
  memberId: number,
  reason: string,
) {
  const [row] = await tx
    .select()
    .from(attendance)
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, memberId)));
  if (!row) return;
  if (activity.status === "scheduled") {
    await tx
      .update(attendance)
      .set({ outcome: null, source: null, recordedBy: null, recordedAt: null })
      .where(eq(attendance.id, row.id));
    return;
  }
  // Closed: the points the check-in earned are reversed and the outcome it replaced is settled instead.
  await reverseSource(tx, { sourceType: "attendance", sourceId: row.id, memberId }, reason, scope.userId);
  const outcome = row.expected ? "absent" : null;
  await tx
    .update(attendance)
    .set({ outcome, source: "manual", recordedBy: scope.userId, recordedAt: new Date() })
    .where(eq(attendance.id, row.id));
  const code = attendanceRule(activity.type, outcome);
  if (code)
    await award(tx, {
      memberId,
      code,
      sourceType: "attendance",
      sourceId: row.id,
      occurredAt: activity.startsAt,
      causedBy: scope.userId,
      reason,
    });
}

/** A member disputes a proxy check-in made for them; the branch's secretaries and the committee are told. */
export async function disputeCheckin(db: Db, scope: Scope, input: { checkinId: number; reason: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(checkins).where(eq(checkins.id, input.checkinId));
    if (!row || row.memberId !== scope.userId) throw new AppError("not_found");
    if (row.method !== "proxy") throw new AppError("bad_request", t.checkin.onlyProxyDisputed);
    const [open] = await tx
      .select({ id: checkinDisputes.id })
      .from(checkinDisputes)
      .where(eq(checkinDisputes.checkinId, row.id));
    if (open) throw new AppError("conflict", t.checkin.alreadyDisputed);
    const activity = await loadActivity(tx, scope, row.activityId, () => true);
    await tx.insert(checkinDisputes).values({ checkinId: row.id, memberId: scope.userId, reason: input.reason });
    const reviewers = await roleHoldersOver(tx, ["secretary", "committee_admin"], activity.branchPath);
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    // Of its own kind, so that the notice opens the list where disputes are settled.
    await notify(tx, reviewers, {
      kind: "dispute",
      activityId: activity.id,
      title: t.checkin.disputeNotice(me?.name ?? "", activity.title),
      body: input.reason,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "checkin.dispute",
      targetType: "checkin",
      targetId: row.id,
      nodePath: activity.branchPath,
      detail: { reason: input.reason },
    });
  });
}

/** The secretary confirms an offline check-in or rejects it (the member was not there); audited, the member told. */
export async function reviewOfflineCheckin(
  db: Db,
  scope: Scope,
  input: { checkinId: number; decision: "confirm" | "reject"; note?: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(checkins).where(eq(checkins.id, input.checkinId)).for("update");
    if (!row) throw new AppError("not_found");
    const activity = await loadActivity(tx, scope, row.activityId, canManageActivity);
    if (row.review !== "pending") throw new AppError("conflict", t.checkinReview.alreadyReviewed);
    const confirmed = input.decision === "confirm";
    await tx
      .update(checkins)
      .set({ review: confirmed ? "confirmed" : "rejected", reviewedBy: scope.userId })
      .where(eq(checkins.id, row.id));
    if (!confirmed) {
      await withdrawAttendance(tx, scope, activity, row.memberId, t.checkinReview.rejectedReason(activity.title));
      const title = t.checkinReview.rejectedNotice(activity.title);
      await notify(tx, [row.memberId], { kind: "activity", activityId: activity.id, title, body: input.note ?? "" });
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: confirmed ? "checkin.offline_confirm" : "checkin.offline_reject",
      targetType: "checkin",
      targetId: row.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, memberId: row.memberId, ...(input.note && { note: input.note }) },
    });
  });
}

/**
 * Settles a disputed proxy check-in: keep it (the dispute is dismissed) or remove it (the member was right);
 * with a note, audited, the member told.
 */
export async function settleDispute(
  db: Db,
  scope: Scope,
  input: { disputeId: number; decision: "keep" | "remove"; note: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ dispute: checkinDisputes, activityId: checkins.activityId })
      .from(checkinDisputes)
      .innerJoin(checkins, eq(checkins.id, checkinDisputes.checkinId))
      .where(eq(checkinDisputes.id, input.disputeId))
      .for("update", { of: checkinDisputes });
    if (!row) throw new AppError("not_found");
    const activity = await loadActivity(tx, scope, row.activityId, canManageActivity);
    if (row.dispute.status !== "open") throw new AppError("conflict", t.checkinReview.alreadySettled);
    const removed = input.decision === "remove";
    const { memberId } = row.dispute;
    await tx
      .update(checkinDisputes)
      .set({
        status: removed ? "upheld" : "dismissed",
        resolvedBy: scope.userId,
        resolvedAt: new Date(),
        resolution: input.note,
      })
      .where(eq(checkinDisputes.id, row.dispute.id));
    if (removed) await withdrawAttendance(tx, scope, activity, memberId, t.checkinReview.removedReason(activity.title));
    const title = removed ? t.checkinReview.removedNotice(activity.title) : t.checkinReview.keptNotice(activity.title);
    await notify(tx, [memberId], { kind: "activity", activityId: activity.id, title, body: input.note });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: removed ? "checkin.dispute_remove" : "checkin.dispute_keep",
      targetType: "checkin_dispute",
      targetId: row.dispute.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, memberId, note: input.note },
    });
  });
}

/** The open disputes of the branches the caller manages under `branchId`, oldest first. */
export async function openDisputes(db: Db, scope: Scope, branchId: number) {
  await loadBranch(db, scope, branchId);
  return db
    .select({
      id: checkinDisputes.id,
      reason: checkinDisputes.reason,
      createdAt: checkinDisputes.createdAt,
      memberName: users.name,
      activityId: activities.id,
      activityTitle: activities.title,
      startsAt: activities.startsAt,
      proxyReason: checkins.proxyReason,
      checkinAt: checkins.at,
    })
    .from(checkinDisputes)
    .innerJoin(checkins, eq(checkins.id, checkinDisputes.checkinId))
    .innerJoin(activities, eq(activities.id, checkins.activityId))
    .innerJoin(users, eq(users.id, checkinDisputes.memberId))
    .where(and(eq(activities.branchId, branchId), eq(checkinDisputes.status, "open")))
    .orderBy(asc(checkinDisputes.createdAt), desc(checkinDisputes.id));
}

/** What holds an activity's closing: offline check-ins not yet reviewed and disputes not yet settled, by name. */
export async function unsettledCheckins(db: Db, activityId: number) {
  const rows = await db
    .select({ name: users.name, review: checkins.review, dispute: checkinDisputes.status })
    .from(checkins)
    .innerJoin(users, eq(users.id, checkins.memberId))
    .leftJoin(checkinDisputes, eq(checkinDisputes.checkinId, checkins.id))
    .where(
      and(
        eq(checkins.activityId, activityId),
        sql`(${checkins.review} = 'pending' or ${checkinDisputes.status} = 'open')`,
      ),
    )
    .orderBy(asc(users.name));
  return {
    offline: rows.filter((r) => r.review === "pending").map((r) => r.name),
    disputed: rows.filter((r) => r.dispute === "open").map((r) => r.name),
  };
}
