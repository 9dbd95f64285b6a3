import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canApproveChange, canEndorseChange, canManageActivity, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import { formatWhen } from "@/lib/time";
import type { DecideChange, RequestChange } from "@/lib/validation/schedule-changes";
import type { Db } from "../open";
import { type Activity, activities, type ChangeStatus, scheduleChanges } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { users } from "../schema/users";
import { loadActivity, syncRoster } from "./activities";
import { writeAudit } from "./audit";
import { notify } from "./notify";
import { armReminders } from "./reminders";
import { roleHoldersOver } from "./role-holders";
import { pathUnder } from "./scope-sql";

/**
 * Schedule changes (docs/architecture.md#the-theme-days-rules "Same time"): the only way a branch moves its theme day.
 * The secretary
 * asks → the committee above endorses or returns → the county approves or rejects; approval moves the
 * activity and tells its members. Every step is one transaction with its audit entry and notices.
 */

const OPEN: ChangeStatus[] = ["pending_committee", "pending_county"];

/** Why this activity's time cannot be moved now, or null when it can. */
function unmovable(activity: Pick<Activity, "type" | "status" | "startsAt">, now: Date): AppError | null {
  if (activity.type !== "theme_day") return new AppError("bad_request", t.scheduleChange.onlyThemeDay);
  if (activity.status === "closed") return new AppError("conflict", t.scheduleChange.closed);
  if (now >= activity.startsAt) return new AppError("conflict", t.scheduleChange.started);
  return null;
}

/** A request with its activity and branch; not-found and out-of-scope differ only by status code. */
async function loadChange(
  db: Db,
  scope: Scope,
  changeId: number,
  allowed: (scope: Scope, branchPath: string) => boolean,
) {
  const [row] = await db
    .select({ change: scheduleChanges, activity: activities, branchPath: orgNodes.path, branchName: orgNodes.name })
    .from(scheduleChanges)
    .innerJoin(activities, eq(activities.id, scheduleChanges.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .where(eq(scheduleChanges.id, changeId));
  if (!row) throw new AppError("not_found");
  if (!allowed(scope, row.branchPath)) throw new AppError("forbidden");
  return row;
}

/**
 * Why a step on a request that is no longer at `stage` does not apply. Read afresh: of two admins deciding at
 * once, the second's guarded update waited for the first's commit and then found nothing to change.
 */
async function decidedMeanwhile(
  tx: Db,
  changeId: number,
  stage: "pending_committee" | "pending_county",
): Promise<AppError> {
  const [row] = await changeRows(tx).where(eq(scheduleChanges.id, changeId));
  if (stage === "pending_county" && row.status === "pending_committee")
    return new AppError("conflict", t.scheduleChange.notAtCounty);
  const countyDecided = row.status === "approved" || row.status === "rejected";
  const by = (countyDecided && row.countyByName) || row.committeeByName;
  if (!by)
    return new AppError(
      "conflict",
      stage === "pending_committee" ? t.scheduleChange.notAtCommittee : t.scheduleChange.notAtCounty,
    );
  return new AppError("conflict", t.scheduleChange.decidedMeanwhile(by, t.scheduleChange.status[row.status]));
}

const summary = (title: string, from: Date, to: Date, reason: string) =>
  t.scheduleChange.notice.body(title, formatWhen(from), formatWhen(to), reason);

export async function requestChange(db: Db, scope: Scope, input: RequestChange, now = new Date()) {
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    const blocked = unmovable(activity, now);
    if (blocked) throw blocked;
    if (input.toStartsAt <= now)
      throw new AppError("bad_request", t.scheduleChange.inPast, { toStartsAt: t.scheduleChange.inPast });
    if (input.toStartsAt.getTime() === activity.startsAt.getTime())
      throw new AppError("bad_request", t.scheduleChange.sameTime, { toStartsAt: t.scheduleChange.sameTime });
    // The partial unique index would refuse a second open request anyway; asking first gives a clear message.
    const [open] = await tx
      .select({ id: scheduleChanges.id })
      .from(scheduleChanges)
      .where(and(eq(scheduleChanges.activityId, activity.id), inArray(scheduleChanges.status, OPEN)));
    if (open) throw new AppError("conflict", t.scheduleChange.openExists);

    const [change] = await tx
      .insert(scheduleChanges)
      .values({
        activityId: activity.id,
        fromStartsAt: activity.startsAt,
        toStartsAt: input.toStartsAt,
        reason: input.reason,
        requestedBy: scope.userId,
        requestedAt: now,
      })
      .returning({ id: scheduleChanges.id });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "schedule.request",
      targetType: "schedule_change",
      targetId: change.id,
      nodePath: activity.branchPath,
      detail: { activityId: activity.id, from: activity.startsAt, to: input.toStartsAt },
    });
    await notify(tx, await roleHoldersOver(tx, "committee_admin", activity.branchPath), {
      kind: "schedule_change",
      activityId: activity.id,
      title: t.scheduleChange.notice.requested(activity.branchName),
      body: summary(activity.title, activity.startsAt, input.toStartsAt, input.reason),
    });
    return { changeId: change.id };
  });
}

/** The committee's or the county's decision, by which one was taken; each checks its own permission. */
export function decideChange(db: Db, scope: Scope, input: DecideChange, now = new Date()) {
  const { decision } = input;
  return decision === "endorse" || decision === "return"
    ? reviewAtCommittee(db, scope, { ...input, decision }, now)
    : reviewAtCounty(db, scope, { ...input, decision }, now);
}

export async function reviewAtCommittee(
  db: Db,
  scope: Scope,
  input: { changeId: number; decision: "endorse" | "return"; comment: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { change, activity, branchPath, branchName } = await loadChange(tx, scope, input.changeId, canEndorseChange);
    if (change.status !== "pending_committee") throw await decidedMeanwhile(tx, change.id, "pending_committee");
    if (input.decision === "endorse") {
      // Passing on a request the county could no longer approve only wastes its time.
      const blocked = unmovable(activity, now);
      if (blocked) throw blocked;
      if (change.toStartsAt <= now) throw new AppError("conflict", t.scheduleChange.targetPassed);
    }
    const status = input.decision === "endorse" ? "pending_county" : "returned";
    // Conditional on the state read above, so two admins deciding at once cannot both succeed.
    const [updated] = await tx
      .update(scheduleChanges)
      .set({ status, committeeBy: scope.userId, committeeComment: input.comment || null, committeeAt: now })
      .where(and(eq(scheduleChanges.id, change.id), eq(scheduleChanges.status, "pending_committee")))
      .returning({ id: scheduleChanges.id });
    if (!updated) throw await decidedMeanwhile(tx, change.id, "pending_committee");
    await writeAudit(tx, {
      actorId: scope.userId,
      action: `schedule.${input.decision}`,
      targetType: "schedule_change",
      targetId: change.id,
      nodePath: branchPath,
      detail: { activityId: activity.id },
    });

    const body = [
      summary(activity.title, change.fromStartsAt, change.toStartsAt, change.reason),
      t.scheduleChange.notice.comment(input.comment || null),
    ]
      .filter(Boolean)
      .join("\n");
    await notify(tx, [change.requestedBy], {
      kind: "schedule_change",
      activityId: activity.id,
      title: input.decision === "endorse" ? t.scheduleChange.notice.endorsed : t.scheduleChange.notice.returned,
      body,
    });
    if (input.decision === "endorse") {
      await notify(tx, await roleHoldersOver(tx, "county_admin", branchPath), {
        kind: "schedule_change",
        activityId: activity.id,
        title: t.scheduleChange.notice.requested(branchName),
        body,
      });
    }
    return { status };
  });
}

export async function reviewAtCounty(
  db: Db,
  scope: Scope,
  input: { changeId: number; decision: "approve" | "reject"; comment: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { change, activity, branchPath } = await loadChange(tx, scope, input.changeId, canApproveChange);
    if (change.status !== "pending_county") throw await decidedMeanwhile(tx, change.id, "pending_county");
    if (input.decision === "approve") {
      const blocked = unmovable(activity, now);
      if (blocked) throw blocked;
      if (change.toStartsAt <= now) throw new AppError("conflict", t.scheduleChange.targetPassed);
    }
    const status = input.decision === "approve" ? "approved" : "rejected";
    const [updated] = await tx
      .update(scheduleChanges)
      .set({ status, countyBy: scope.userId, countyComment: input.comment || null, countyAt: now })
      .where(and(eq(scheduleChanges.id, change.id), eq(scheduleChanges.status, "pending_county")))
      .returning({ id: scheduleChanges.id });
    if (!updated) throw await decidedMeanwhile(tx, change.id, "pending_county");

    if (input.decision === "reject") {
      const body = [
        summary(activity.title, change.fromStartsAt, change.toStartsAt, change.reason),
        t.scheduleChange.notice.comment(input.comment),
      ]
        .filter(Boolean)
        .join("\n");
      await notify(tx, [change.requestedBy], {
        kind: "schedule_change",
        activityId: activity.id,
        title: t.scheduleChange.notice.rejected,
        body,
      });
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "schedule.reject",
        targetType: "schedule_change",
        targetId: change.id,
        nodePath: branchPath,
        detail: { activityId: activity.id },
      });
      return { status };
    }

    // The one write of a theme day's time outside the county's own plan revision
    // (docs/architecture.md#the-theme-days-rules).
    const [moved] = await tx
      .update(activities)
      .set({ startsAt: change.toStartsAt })
      .where(and(eq(activities.id, activity.id), eq(activities.status, "scheduled")))
      .returning();
    if (!moved) throw new AppError("conflict", t.scheduleChange.closed);
    const expected = await syncRoster(tx, moved, now);
    await armReminders(tx, moved, now);
    // Told from the activity's own time, which a plan revision may have moved since the request.
    await notify(tx, [...new Set([...expected, change.requestedBy])], {
      kind: "schedule_change",
      activityId: activity.id,
      title: t.scheduleChange.notice.moved,
      body: t.scheduleChange.notice.movedBody(
        activity.title,
        formatWhen(activity.startsAt),
        formatWhen(change.toStartsAt),
      ),
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "schedule.approve",
      targetType: "schedule_change",
      targetId: change.id,
      nodePath: branchPath,
      detail: { activityId: activity.id, from: activity.startsAt, to: change.toStartsAt, notified: expected.length },
    });
    return { status };
  });
}

const requester = alias(users, "requester");
const endorser = alias(users, "endorser");
const approver = alias(users, "approver");

/** A request as the lists show it: who asked and decided, by name. */
const changeRows = (db: Db) =>
  db
    .select({
      id: scheduleChanges.id,
      activityId: scheduleChanges.activityId,
      activityTitle: activities.title,
      branchName: orgNodes.name,
      branchPath: orgNodes.path,
      fromStartsAt: scheduleChanges.fromStartsAt,
      toStartsAt: scheduleChanges.toStartsAt,
      reason: scheduleChanges.reason,
      status: scheduleChanges.status,
      requestedByName: requester.name,
      requestedAt: scheduleChanges.requestedAt,
      committeeByName: endorser.name,
      committeeComment: scheduleChanges.committeeComment,
      committeeAt: scheduleChanges.committeeAt,
      countyByName: approver.name,
      countyComment: scheduleChanges.countyComment,
      countyAt: scheduleChanges.countyAt,
    })
    .from(scheduleChanges)
    .innerJoin(activities, eq(activities.id, scheduleChanges.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .innerJoin(requester, eq(requester.id, scheduleChanges.requestedBy))
    .leftJoin(endorser, eq(endorser.id, scheduleChanges.committeeBy))
    .leftJoin(approver, eq(approver.id, scheduleChanges.countyBy));

export type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeRows>["execute"]>>[number];

/** The branches under the caller's committee or county grants, as a filter; forbidden for anyone else. */
function reviewerReach(scope: Scope) {
  return pathUnder(orgNodes.path, reviewerPaths(scope));
}

/** Which decision, if any, the caller may take on this row now. */
const mayDecide = (scope: Scope, row: Pick<ChangeRow, "status" | "branchPath">): "committee" | "county" | null =>
  row.status === "pending_committee" && canEndorseChange(scope, row.branchPath)
    ? "committee"
    : row.status === "pending_county" && canApproveChange(scope, row.branchPath)
      ? "county"
      : null;

/** The requests of the branches a committee or county admin reaches; open ones oldest first, as a queue. */
export async function listChanges(db: Db, scope: Scope, input: { status?: ChangeStatus } = {}) {
  const reach = reviewerReach(scope);
  const queue = input.status && OPEN.includes(input.status);
  const rows = await changeRows(db)
    .where(and(reach, input.status ? eq(scheduleChanges.status, input.status) : undefined))
    .orderBy(queue ? asc(scheduleChanges.requestedAt) : desc(scheduleChanges.requestedAt), desc(scheduleChanges.id))
    .limit(200);
  return rows.map((row) => ({ ...row, mayDecide: mayDecide(scope, row) }));
}

/** How many requests are in each state, for the filter tabs. */
export async function countChanges(db: Db, scope: Scope): Promise<Partial<Record<ChangeStatus, number>>> {
  const reach = reviewerReach(scope);
  const rows = await db
    .select({ status: scheduleChanges.status, n: count() })
    .from(scheduleChanges)
    .innerJoin(activities, eq(activities.id, scheduleChanges.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .where(reach)
    .groupBy(scheduleChanges.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * One activity's requests, newest first, for its secretary and the admins above; with whether the caller
 * may ask (`canManage`) and, when they may not ask now, why (`blocked`, in words the page shows).
 */
export async function changesForActivity(db: Db, scope: Scope, activityId: number, now = new Date()) {
  const activity = await loadActivity(db, scope, activityId, canReadRoster);
  const changes = await changeRows(db)
    .where(eq(scheduleChanges.activityId, activity.id))
    .orderBy(desc(scheduleChanges.requestedAt), desc(scheduleChanges.id));
  const canManage = canManageActivity(scope, activity.branchPath);
  const blocked =
    unmovable(activity, now)?.message ??
    (changes.some((c) => OPEN.includes(c.status)) ? t.scheduleChange.openExists : null);
  return { activity, changes, canManage, blocked };
}
