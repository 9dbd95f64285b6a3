import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { activityPhase } from "@/lib/activity-phase";
import { OPENS_BEFORE_MS } from "@/lib/checkin-window";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { monthOf } from "@/lib/time";
import type { Db } from "../open";
import { type ActivityType, activities, activitySteps, attendance, uploads } from "../schema/activities";
import { checkins } from "../schema/checkins";
import { users } from "../schema/users";
import { type ActivityWithBranch, insertActivity, loadActivity } from "./activities";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";
import { unsettledCheckins } from "./checkin-review";
import { rosterRows } from "./checkin-screen";
import { loadDuesMember, monthDues, takePayment } from "./dues-ledger";
import { awardActivity } from "./points";
import { openRound } from "./reviews";
import { storeUpload } from "./uploads";

function assertRunning(activity: ActivityWithBranch, now: Date) {
  if (activity.status === "closed") throw new AppError("conflict", t.run.closed);
  if (now.getTime() < activity.startsAt.getTime() - OPENS_BEFORE_MS) throw new AppError("conflict", t.run.notStarted);
}

/** The activities of one branch, newest first, for its secretary and the admins above. */
export async function listBranchActivities(db: Db, scope: Scope, branchId: number, now = new Date()) {
  const branch = await loadBranch(db, scope, branchId);
  const rows = await db
    .select()
    .from(activities)
    .where(eq(activities.branchId, branch.id))
    .orderBy(desc(activities.startsAt));
  return { branch, activities: rows.map((a) => ({ ...a, phase: activityPhase(a, now) })) };
}

/** 民主评议's agenda names its three parts; none is mandatory, the round itself records them. */
function stepsOf(type: ActivityType) {
  if (type !== "member_review") return [];
  return [t.review.steps.self, t.review.steps.vote, t.review.steps.decide].map((title) => ({
    kind: "custom" as const,
    title,
    mandatory: false,
  }));
}

/** 三会一课, 组织生活会 and 民主评议 on the same machinery as the theme day, at a time the secretary chooses. */
export async function createMeeting(
  db: Db,
  scope: Scope,
  input: {
    branchId: number;
    type: Exclude<ActivityType, "theme_day">;
    title: string;
    startsAt: Date;
    durationMinutes: number;
    place?: string;
    materials?: string;
    links: { title: string; url: string }[];
  },
  now = new Date(),
) {
  if (input.startsAt <= now) throw new AppError("bad_request", t.plans.inPast, { startsAt: t.plans.inPast });
  return db.transaction(async (tx) => {
    const branch = await loadBranch(tx, scope, input.branchId, canManageActivity);
    const activity = await insertActivity(tx, { ...input, steps: stepsOf(input.type), createdBy: scope.userId }, now);
    // 民主评议 is once a year per branch: its round opens with the activity (docs/architecture.md#member-review).
    if (input.type === "member_review") {
      const year = Number(monthOf(input.startsAt).slice(0, 4));
      await openRound(tx, {
        id: activity.id,
        branchId: branch.id,
        year,
        branchPath: branch.path,
        createdBy: scope.userId,
      });
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "activity.create",
      targetType: "activity",
      targetId: activity.id,
      nodePath: branch.path,
      detail: { type: input.type },
    });
    return { activityId: activity.id };
  });
}

/** Everything the secretary's activity screen shows: agenda, roster with outcomes and dues. */
export async function activityForSecretary(db: Db, scope: Scope, activityId: number, now = new Date()) {
  const activity = await loadActivity(db, scope, activityId, canReadRoster);
  const steps = await db
    .select()
    .from(activitySteps)
    .where(eq(activitySteps.activityId, activity.id))
    .orderBy(asc(activitySteps.position));
  const roster = await rosterRows(db, activity.id, {
    memberId: attendance.memberId,
    recordedAt: attendance.recordedAt,
    checkinId: checkins.id,
  }).orderBy(asc(sql`${users.name} collate "C"`));
  const month = monthOf(activity.startsAt);
  const dues = await monthDues(
    db,
    roster.map((r) => r.memberId),
    month,
  );
  return {
    activity,
    phase: activityPhase(activity, now),
    steps,
    roster: roster.map((r) => ({
      ...r,
      dueFen: dues.get(r.memberId)?.dueFen ?? null,
      duesFen: dues.get(r.memberId)?.paidFen ?? null,
    })),
    canManage: canManageActivity(scope, activity.branchPath),
  };
}

/** Marks an agenda step done (with an optional note and photo) or undoes it, while the activity runs. */
export async function markStep(
  db: Db,
  scope: Scope,
  input: { stepId: number; done: boolean; note?: string; photo?: { mime: string; bytes: Buffer } },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [step] = await tx.select().from(activitySteps).where(eq(activitySteps.id, input.stepId));
    if (!step) throw new AppError("not_found");
    const activity = await loadActivity(tx, scope, step.activityId, canManageActivity);
    assertRunning(activity, now);
    const evidenceId = input.done ? await storeUpload(tx, scope, input.photo) : null;
    await tx
      .update(activitySteps)
      .set(
        input.done
          ? { doneAt: now, doneBy: scope.userId, note: input.note ?? null, evidenceId }
          : { doneAt: null, doneBy: null, note: null, evidenceId: null },
      )
      .where(eq(activitySteps.id, step.id));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: input.done ? "step.done" : "step.undo",
      targetType: "activity_step",
      targetId: step.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, title: step.title, evidence: evidenceId },
    });
  });
}

/**
 * Dues taken at the theme day's dues step, for a member who is there, into the ledger (db/queries/dues-ledger.ts):
 * the month of the activity, at what is due unless another amount is given. A second tap is the same entry
 * (by `clientId`), a second payment for the month a conflict; a mistake is corrected by reversing it.
 */
export async function recordDues(
  db: Db,
  scope: Scope,
  input: { activityId: number; memberId: number; amount?: number; note?: string; clientId?: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    assertRunning(activity, now);
    const [row] = await tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, input.memberId)));
    if (!row) throw new AppError("not_found");
    if (row.outcome !== "present" && row.outcome !== "late") throw new AppError("conflict", t.run.duesNotPresent);
    const member = await loadDuesMember(tx, input.memberId, true);
    if (member.branchId !== activity.branchId) throw new AppError("not_found");
    const month = monthOf(activity.startsAt);
    const result = await takePayment(
      tx,
      scope,
      member,
      {
        months: [month],
        amountFen: input.amount,
        note: input.note,
        clientId: input.clientId,
        channel: "theme_day",
        activityId: activity.id,
      },
      now,
    );
    if (!result.replay)
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "dues.record",
        targetType: "member",
        targetId: input.memberId,
        nodePath: activity.branchPath,
        detail: { activityId: activity.id, month, amountFen: input.amount ?? null, entries: result.entryIds },
      });
    return result;
  });
}

/**
 * Closes the activity once it has started, every mandatory step is done and no check-in is left in doubt
 * (an offline one not reviewed, a disputed proxy one not settled: closing would count them as 出席 for good).
 * Whoever closes it ran it: if they are on its roster without an outcome they are present as its host
 * (主持), audited. Each other expected member without an outcome becomes absent, so nobody is missing from
 * the record (docs/architecture.md#the-theme-days-rules "Same attendance").
 */
export async function closeActivity(db: Db, scope: Scope, input: { activityId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    if (activity.status === "closed") throw new AppError("conflict", t.run.closed);
    if (now < activity.startsAt) throw new AppError("conflict", t.run.cannotCloseBeforeStart);
    const open = await tx
      .select({ title: activitySteps.title })
      .from(activitySteps)
      .where(
        and(eq(activitySteps.activityId, activity.id), eq(activitySteps.mandatory, true), isNull(activitySteps.doneAt)),
      )
      .orderBy(asc(activitySteps.position));
    if (open.length) throw new AppError("conflict", t.run.openSteps(open.map((s) => s.title)));
    const unsettled = await unsettledCheckins(tx, activity.id);
    if (unsettled.offline.length) throw new AppError("conflict", t.checkinReview.unreviewedOffline(unsettled.offline));
    if (unsettled.disputed.length) throw new AppError("conflict", t.checkinReview.openDisputes(unsettled.disputed));
    const host = await tx
      .update(attendance)
      .set({ outcome: "present", source: "host", recordedBy: scope.userId, recordedAt: now })
      .where(
        and(eq(attendance.activityId, activity.id), eq(attendance.memberId, scope.userId), isNull(attendance.outcome)),
      )
      .returning({ id: attendance.id });
    if (host.length)
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "attendance.host",
        targetType: "member",
        targetId: scope.userId,
        nodePath: activity.branchPath,
        detail: { activityId: activity.id },
      });
    const absent = await tx
      .update(attendance)
      .set({ outcome: "absent", source: "close", recordedBy: scope.userId, recordedAt: now })
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true), isNull(attendance.outcome)))
      .returning({ id: attendance.id });
    await tx
      .update(activities)
      .set({ status: "closed", closedAt: now, closedBy: scope.userId })
      .where(eq(activities.id, activity.id));
    await awardActivity(tx, activity, scope.userId);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "activity.close",
      targetType: "activity",
      targetId: activity.id,
      nodePath: activity.branchPath,
      detail: { absent: absent.length },
    });
    return { absent: absent.length };
  });
}

/** An evidence file, for whoever may read the activity it belongs to. */
export async function getEvidence(db: Db, scope: Scope, uploadId: number) {
  const [row] = await db
    .select({ activityId: activitySteps.activityId, mime: uploads.mime, bytes: uploads.bytes })
    .from(uploads)
    .innerJoin(activitySteps, eq(activitySteps.evidenceId, uploads.id))
    .where(eq(uploads.id, uploadId));
  if (!row) throw new AppError("not_found");
  await loadActivity(db, scope, row.activityId, canReadRoster);
  return { mime: row.mime, bytes: row.bytes };
}
