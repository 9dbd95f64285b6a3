import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import type { MinutesFacts, MinutesRecord } from "@/lib/minutes";
import { canReadMinutes, canReadRoster, canWriteMinutes } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { activitySteps, attendance, uploads } from "../schema/activities";
import { leaveRequests } from "../schema/leave";
import { minutes, minutesAddenda, minutesAttachments } from "../schema/minutes";
import { users } from "../schema/users";
import { type ActivityWithBranch, loadActivity } from "./activities";
import { writeAudit } from "./audit";
import { duesAtActivity } from "./dues-ledger";
import { storeUpload } from "./uploads";

/**
 * The minutes of a closed activity (docs/architecture.md#minutes): the facts come from the records and are
 * never written here; people add the chair, the minute-taker, the discussion and the resolutions, and the
 * secretary signs. Signing copies the facts into the minutes, so the signed record stays as it was signed.
 */

/** The facts of an activity as its records hold them now. Reads only. */
export async function recordedFacts(db: Db, activity: ActivityWithBranch): Promise<MinutesFacts> {
  const roster = await db
    .select({
      memberId: attendance.memberId,
      name: users.name,
      outcome: attendance.outcome,
      leaveType: leaveRequests.type,
      reason: leaveRequests.reason,
    })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.memberId))
    .leftJoin(
      leaveRequests,
      and(
        eq(leaveRequests.activityId, attendance.activityId),
        eq(leaveRequests.memberId, attendance.memberId),
        eq(leaveRequests.status, "approved"),
      ),
    )
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true)))
    .orderBy(asc(sql`${users.name} collate "C"`), asc(attendance.memberId));
  const steps = await db
    .select()
    .from(activitySteps)
    .where(eq(activitySteps.activityId, activity.id))
    .orderBy(asc(activitySteps.position));
  const payments = await duesAtActivity(db, activity.id);
  const of = (o: string) => roster.filter((r) => r.outcome === o).map((r) => ({ memberId: r.memberId, name: r.name }));
  return {
    activityId: activity.id,
    branchName: activity.branchName,
    type: activity.type,
    title: activity.title,
    startsAt: activity.startsAt.toISOString(),
    durationMinutes: activity.durationMinutes,
    place: activity.place,
    closedAt: activity.closedAt?.toISOString() ?? null,
    expected: roster.length,
    present: of("present"),
    late: of("late"),
    leave: roster
      .filter((r) => r.outcome === "leave")
      .map((r) => ({ memberId: r.memberId, name: r.name, leaveType: r.leaveType, reason: r.reason })),
    absent: of("absent"),
    steps: steps.map((s) => ({
      title: s.title,
      mandatory: s.mandatory,
      doneAt: s.doneAt?.toISOString() ?? null,
      note: s.note,
      evidenceId: s.evidenceId,
    })),
    dues: {
      payers: payments.length,
      totalFen: payments.reduce((sum, p) => sum + p.amountFen, 0),
      payments,
    },
  };
}

async function attended(db: Db, activityId: number, memberId: number) {
  const [row] = await db
    .select({ outcome: attendance.outcome })
    .from(attendance)
    .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, memberId)));
  return row?.outcome === "present" || row?.outcome === "late";
}

/**
 * Everything the minutes screen shows. The secretary and the admins above read drafts too; a member reads
 * the signed minutes of an activity they attended, and nothing else (not found, so nothing is told).
 */
export async function minutesFor(db: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(db, scope, activityId, (s, path) => canReadMinutes(s, path));
  const staff = canReadRoster(scope, activity.branchPath);
  const [row] = await db.select().from(minutes).where(eq(minutes.activityId, activity.id));
  if (!staff && (!row?.signedAt || !(await attended(db, activity.id, scope.userId))))
    throw new AppError("not_found", t.minutes.notReadable);
  const facts = row?.facts ?? (await recordedFacts(db, activity));
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      inArray(
        users.id,
        [row?.chairId, row?.recorderId, row?.signedBy].filter((v): v is number => v != null),
      ),
    );
  const nameOf = (id: number | null | undefined) => people.find((p) => p.id === id)?.name ?? null;
  const attachments = row
    ? await db
        .select({ id: minutesAttachments.id, mime: uploads.mime })
        .from(minutesAttachments)
        .innerJoin(uploads, eq(uploads.id, minutesAttachments.uploadId))
        .where(eq(minutesAttachments.minutesId, row.id))
        .orderBy(asc(minutesAttachments.id))
    : [];
  const addenda = row
    ? await db
        .select({
          id: minutesAddenda.id,
          body: minutesAddenda.body,
          at: minutesAddenda.createdAt,
          by: users.name,
        })
        .from(minutesAddenda)
        .innerJoin(users, eq(users.id, minutesAddenda.createdBy))
        .where(eq(minutesAddenda.minutesId, row.id))
        .orderBy(asc(minutesAddenda.id))
    : [];
  const record: MinutesRecord = {
    facts,
    chairName: nameOf(row?.chairId),
    recorderName: nameOf(row?.recorderId),
    discussion: row?.discussion ?? "",
    resolutions: row?.resolutions ?? "",
    attachments: attachments.length,
    addenda: addenda.map((a) => ({ body: a.body, by: a.by, at: a.at })),
    signedByName: row?.signedAt ? nameOf(row.signedBy) : null,
    signedAt: row?.signedAt ?? null,
  };
  return {
    activity,
    facts,
    record,
    minutes: row
      ? {
          ...row,
          chairName: nameOf(row.chairId),
          recorderName: nameOf(row.recorderId),
          signedByName: nameOf(row.signedBy),
        }
      : null,
    attachments,
    addenda,
    /** Who may be chosen as chair or minute-taker: those the record shows were there. */
    candidates: [...facts.present, ...facts.late].sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    canWrite: canWriteMinutes(scope, activity.branchPath) && activity.status === "closed",
  };
}

async function loadClosed(tx: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(tx, scope, activityId, canWriteMinutes);
  if (activity.status !== "closed") throw new AppError("conflict", t.minutes.notClosed);
  return activity;
}

/** The minutes row locked for a write, refused once signed. */
async function openMinutes(tx: Db, activityId: number) {
  const [row] = await tx.select().from(minutes).where(eq(minutes.activityId, activityId)).for("update");
  if (row?.signedAt) throw new AppError("conflict", t.minutes.signed);
  return row ?? null;
}

/** The chair and the minute-taker are people the record shows were there. */
async function assertAttended(tx: Db, activityId: number, ids: (number | undefined)[]) {
  for (const id of ids)
    if (id !== undefined && !(await attended(tx, activityId, id)))
      throw new AppError("bad_request", t.minutes.notOnRoster, { chairId: t.minutes.notOnRoster });
}

/**
 * Saves what people write into the minutes of a closed activity. `version` is the one the form showed:
 * of two people saving at once, the second gets a conflict instead of silently overwriting the first.
 */
export async function saveMinutes(
  db: Db,
  scope: Scope,
  input: {
    activityId: number;
    version: number;
    chairId?: number;
    recorderId?: number;
    discussion?: string;
    resolutions?: string;
    attachment?: { mime: string; bytes: Buffer };
  },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const activity = await loadClosed(tx, scope, input.activityId);
    const current = await openMinutes(tx, activity.id);
    if ((current?.version ?? 0) !== input.version) throw new AppError("conflict", t.minutes.stale);
    await assertAttended(tx, activity.id, [input.chairId, input.recorderId]);
    const values = {
      chairId: input.chairId ?? null,
      recorderId: input.recorderId ?? null,
      discussion: input.discussion ?? "",
      resolutions: input.resolutions ?? "",
      updatedBy: scope.userId,
      updatedAt: now,
    };
    const [row] = current
      ? await tx
          .update(minutes)
          .set({ ...values, version: current.version + 1 })
          .where(and(eq(minutes.id, current.id), eq(minutes.version, input.version), isNull(minutes.signedAt)))
          .returning()
      : await tx
          .insert(minutes)
          .values({ ...values, activityId: activity.id })
          .onConflictDoNothing()
          .returning();
    if (!row) throw new AppError("conflict", t.minutes.stale);
    let attachmentId: number | null = null;
    const uploadId = await storeUpload(tx, scope, input.attachment);
    if (uploadId) {
      const [attachment] = await tx
        .insert(minutesAttachments)
        .values({ minutesId: row.id, uploadId, createdBy: scope.userId })
        .returning({ id: minutesAttachments.id });
      attachmentId = attachment.id;
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "minutes.save",
      targetType: "minutes",
      targetId: row.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, version: row.version, attachmentId },
    });
    return { version: row.version };
  });
}

/**
 * Signs the minutes off: they need a chair, a minute-taker and the discussion; the facts as recorded now are
 * copied in and from then on nothing of the minutes changes.
 */
export async function signMinutes(
  db: Db,
  scope: Scope,
  input: { activityId: number; version: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const activity = await loadClosed(tx, scope, input.activityId);
    const current = await openMinutes(tx, activity.id);
    if (!current?.chairId || !current.recorderId || !current.discussion)
      throw new AppError("conflict", t.minutes.signNeeds);
    if (current.version !== input.version) throw new AppError("conflict", t.minutes.stale);
    const facts = await recordedFacts(tx, activity);
    const [row] = await tx
      .update(minutes)
      .set({ signedBy: scope.userId, signedAt: now, facts })
      .where(and(eq(minutes.id, current.id), eq(minutes.version, input.version), isNull(minutes.signedAt)))
      .returning({ id: minutes.id });
    if (!row) throw new AppError("conflict", t.minutes.stale);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "minutes.sign",
      targetType: "minutes",
      targetId: row.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, version: input.version },
    });
  });
}

/** A correction to signed minutes: a new addendum with who and when, audited; the minutes stay as signed. */
export async function addAddendum(db: Db, scope: Scope, input: { activityId: number; body: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const activity = await loadClosed(tx, scope, input.activityId);
    const [row] = await tx.select().from(minutes).where(eq(minutes.activityId, activity.id));
    if (!row?.signedAt) throw new AppError("conflict", t.minutes.notSigned);
    const [addendum] = await tx
      .insert(minutesAddenda)
      .values({ minutesId: row.id, body: input.body, createdBy: scope.userId, createdAt: now })
      .returning({ id: minutesAddenda.id });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "minutes.addendum",
      targetType: "minutes",
      targetId: row.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, addendumId: addendum.id, body: input.body },
    });
    return { addendumId: addendum.id };
  });
}

/** One attachment of the minutes, for whoever may read those minutes. */
export async function minutesAttachment(db: Db, scope: Scope, attachmentId: number) {
  const [row] = await db
    .select({ activityId: minutes.activityId, mime: uploads.mime, bytes: uploads.bytes })
    .from(minutesAttachments)
    .innerJoin(minutes, eq(minutes.id, minutesAttachments.minutesId))
    .innerJoin(uploads, eq(uploads.id, minutesAttachments.uploadId))
    .where(eq(minutesAttachments.id, attachmentId));
  if (!row) throw new AppError("not_found");
  await minutesFor(db, scope, row.activityId);
  return { mime: row.mime, bytes: row.bytes };
}

/** Whether the caller can open the minutes of an activity of theirs: signed, and they were there. */
export async function minutesReadable(db: Db, scope: Scope, activityId: number): Promise<boolean> {
  const [row] = await db.select({ signedAt: minutes.signedAt }).from(minutes).where(eq(minutes.activityId, activityId));
  return Boolean(row?.signedAt) && (await attended(db, activityId, scope.userId));
}
