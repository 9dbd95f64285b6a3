import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activityCapHalfHours, DAY_LIMIT_HALF_HOURS, formatHours, shanghaiDate } from "@/lib/community";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canServeGrid } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { servedPaths } from "@/lib/scope-paths";
import type { ActivityHoursInput, CorrectHours, DecideHours, HoursInput } from "@/lib/validation/community";
import type { Db } from "../open";
import { communityReports, serviceActivities, type VolunteerHours, volunteerHours } from "../schema/community";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { gridWorkersOf, memberOf } from "./community";
import { notify } from "./notify";
import { award, reverseSource } from "./points";
import { pathUnder } from "./scope-sql";
import { loadServiceActivity } from "./service-activities";

/**
 * Volunteer hours. Whoever records an entry vouches for it: a grid worker's entry is confirmed at
 * once, a member's own waits for the grid worker, who confirms, adjusts or rejects it. Hours are never edited:
 * an adjustment or correction is a new entry that supersedes the old. Limits: half-hour steps, never longer
 * than the activity, at most 12 hours a member a day (checked under a lock on the member's row).
 */

export type HoursReceipt = {
  id: number;
  clientId: string;
  status: VolunteerHours["status"];
  halfHours: number;
  servedOn: string;
  message: string;
};
const receiptOf = (row: VolunteerHours): HoursReceipt => ({
  id: row.id,
  clientId: row.clientId,
  status: row.status,
  halfHours: row.halfHours,
  servedOn: row.servedOn,
  message: row.status === "submitted" ? t.community.hoursSubmitted : t.community.hoursRecorded,
});

/** The answer already given for this client id, or null; an id used by someone else is refused. */
async function replayOf(db: Db, scope: Scope, clientId: string): Promise<HoursReceipt | null> {
  const [row] = await db.select().from(volunteerHours).where(eq(volunteerHours.clientId, clientId));
  if (!row) return null;
  if (row.recordedBy !== scope.userId) throw new AppError("conflict", t.community.clientIdReused);
  return receiptOf(row);
}

interface Entry {
  clientId: string;
  memberId: number;
  gridId: number;
  communityId: number;
  activityId: number | null;
  servedOn: string;
  halfHours: number;
  description: string;
  status: "submitted" | "confirmed";
  replacesId?: number;
  comment?: string;
}

/**
 * Writes one entry after the day limit, holding the member's row so that concurrent entries for the same
 * member are counted one after the other. `excluding` is the entry being superseded, whose hours give way.
 */
async function insertEntry(tx: Db, scope: Scope, entry: Entry, excluding?: number): Promise<VolunteerHours | null> {
  await tx.select({ id: members.userId }).from(members).where(eq(members.userId, entry.memberId)).for("update");
  // The entries that count: waiting or confirmed, other than the one being superseded.
  const standing = and(
    inArray(volunteerHours.status, ["submitted", "confirmed"]),
    excluding ? ne(volunteerHours.id, excluding) : undefined,
  );
  const [{ used }] = await tx
    .select({ used: sql<number>`coalesce(sum(${volunteerHours.halfHours}), 0)::int` })
    .from(volunteerHours)
    .where(and(eq(volunteerHours.memberId, entry.memberId), eq(volunteerHours.servedOn, entry.servedOn), standing));
  if (used + entry.halfHours > DAY_LIMIT_HALF_HOURS) {
    const message = t.community.overDay(formatHours(Math.max(0, DAY_LIMIT_HALF_HOURS - used)));
    throw new AppError("bad_request", message, { hours: message });
  }
  if (entry.activityId) {
    const [taken] = await tx
      .select({ id: volunteerHours.id })
      .from(volunteerHours)
      .where(
        and(eq(volunteerHours.activityId, entry.activityId), eq(volunteerHours.memberId, entry.memberId), standing),
      );
    if (taken) throw new AppError("conflict", t.community.alreadyRecorded);
  }
  const decided = entry.status === "confirmed" ? { decidedBy: scope.userId, decidedAt: new Date() } : {};
  const [row] = await tx
    .insert(volunteerHours)
    .values({ ...entry, recordedBy: scope.userId, ...decided })
    .onConflictDoNothing({ target: volunteerHours.clientId })
    .returning();
  if (row?.status === "confirmed") await awardHours(tx, row, scope.userId);
  return row ?? null;
}

/** Confirmed hours earn points per hour, dated the day served (the monthly cap counts by that day). */
const awardHours = (tx: Db, row: VolunteerHours, causedBy: number) =>
  award(tx, {
    memberId: row.memberId,
    code: "volunteer_hour",
    sourceType: "volunteer_hours",
    sourceId: row.id,
    quantity: row.halfHours / 2,
    occurredAt: new Date(`${row.servedOn}T12:00:00+08:00`),
    causedBy,
    reason: `${t.points.source.volunteer_hours}：${row.description}`,
  });

/** Where an entry for this member belongs: their confirmed report's grid. */
async function reportOf(tx: Db, memberId: number) {
  const grid = alias(orgNodes, "grid");
  const [report] = await tx
    .select({ communityId: communityReports.communityId, gridId: communityReports.gridId, gridPath: grid.path })
    .from(communityReports)
    .innerJoin(grid, eq(grid.id, communityReports.gridId))
    .where(and(eq(communityReports.memberId, memberId), eq(communityReports.status, "confirmed")));
  return report ?? null;
}

/** The checks an entry tied to an activity adds: same community, already held, no longer than it lasted. */
async function activityTerms(
  tx: Db,
  scope: Scope,
  activityId: number,
  communityId: number,
  halfHours: number,
  now: Date,
  byWorker: boolean,
) {
  const activity = await loadServiceActivity(tx, scope, activityId, byWorker ? canServeGrid : () => true);
  if (activity.communityId !== communityId || activity.cancelledAt)
    throw new AppError(byWorker ? "forbidden" : "not_found", t.community.notInGrid);
  if (activity.startsAt > now) throw new AppError("conflict", t.community.notYetHeld);
  const cap = activityCapHalfHours(activity.minutes);
  if (halfHours > cap)
    throw new AppError("bad_request", t.community.overActivity(formatHours(cap)), {
      hours: t.community.overActivity(formatHours(cap)),
    });
  return { servedOn: shanghaiDate(activity.startsAt), description: activity.title };
}

/**
 * One entry through POST /api/v1/volunteer-hours: a grid worker's for a member reported in their grid
 * (confirmed), or a member's own (submitted). Idempotent on `clientId`, also when a replay races the first.
 */
export async function recordHours(db: Db, scope: Scope, input: HoursInput, now = new Date()): Promise<HoursReceipt> {
  const replay = await replayOf(db, scope, input.clientId);
  if (replay) return replay;
  const byWorker = input.memberId !== undefined && input.memberId !== scope.userId;
  try {
    const row = await db.transaction(async (tx) => {
      const memberId = byWorker ? input.memberId! : memberOf(scope);
      if (byWorker) servedPaths(scope);
      const report = await reportOf(tx, memberId);
      if (!report)
        throw new AppError(
          byWorker ? "forbidden" : "conflict",
          byWorker ? t.community.notInGrid : t.community.notReportedHere,
        );
      if (byWorker && !canServeGrid(scope, report.gridPath)) throw new AppError("forbidden", t.community.notInGrid);
      let { servedOn, description } = input;
      if (input.activityId)
        ({ servedOn } = await activityTerms(
          tx,
          scope,
          input.activityId,
          report.communityId,
          input.hours,
          now,
          byWorker,
        ));
      if (servedOn > shanghaiDate(now))
        throw new AppError("bad_request", t.community.servedInFuture, { servedOn: t.community.servedInFuture });
      const row = await insertEntry(tx, scope, {
        clientId: input.clientId,
        memberId,
        gridId: report.gridId,
        communityId: report.communityId,
        activityId: input.activityId ?? null,
        servedOn,
        halfHours: input.hours,
        description,
        status: byWorker ? "confirmed" : "submitted",
      });
      if (!row) return null;
      if (!byWorker) {
        const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, memberId));
        await notify(tx, await gridWorkersOf(tx, report.gridPath), {
          kind: "community",
          title: t.community.notice.hoursSubmitted(me.name),
          body: description,
        });
      }
      await writeAudit(tx, {
        actorId: scope.userId,
        action: byWorker ? "community.hours.record" : "community.hours.submit",
        targetType: "volunteer_hours",
        targetId: row.id,
        nodePath: report.gridPath,
        detail: { memberId, halfHours: row.halfHours, servedOn, activityId: row.activityId },
      });
      return row;
    });
    if (row) return receiptOf(row);
  } catch (error) {
    const again = await replayOf(db, scope, input.clientId);
    if (again) return again;
    throw error;
  }
  // The insert met a committed row with this client id: a concurrent replay was first.
  const again = await replayOf(db, scope, input.clientId);
  if (!again) throw new AppError("conflict", t.community.clientIdReused);
  return again;
}

/** Hours for an activity's attendees in one step: all or none are recorded. */
export async function recordActivityHours(db: Db, scope: Scope, input: ActivityHoursInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const activity = await loadServiceActivity(tx, scope, input.activityId, canServeGrid);
    for (const entry of input.entries) {
      const report = await reportOf(tx, entry.memberId);
      if (!report || report.communityId !== activity.communityId)
        throw new AppError("forbidden", t.community.notInGrid);
      const terms = await activityTerms(tx, scope, activity.id, report.communityId, entry.hours, now, true);
      await insertEntry(tx, scope, {
        clientId: randomUUID(),
        memberId: entry.memberId,
        gridId: report.gridId,
        communityId: report.communityId,
        activityId: activity.id,
        halfHours: entry.hours,
        status: "confirmed",
        ...terms,
      });
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "community.hours.activity",
      targetType: "service_activity",
      targetId: activity.id,
      nodePath: activity.path,
      detail: { entries: input.entries },
    });
    return { count: input.entries.length };
  });
}

/** An entry with the path of its grid, checked against the caller's reach. */
async function loadEntry(tx: Db, scope: Scope, hoursId: number) {
  const [row] = await tx
    .select({ entry: volunteerHours, gridPath: orgNodes.path })
    .from(volunteerHours)
    .innerJoin(orgNodes, eq(orgNodes.id, volunteerHours.gridId))
    .where(eq(volunteerHours.id, hoursId))
    .for("update", { of: volunteerHours });
  if (!row) throw new AppError("not_found");
  if (!canServeGrid(scope, row.gridPath)) throw new AppError("forbidden");
  return row;
}

/** The old entry gives way to a new confirmed one with other hours; both stay on record. */
async function supersede(tx: Db, scope: Scope, old: VolunteerHours, halfHours: number, comment: string, now: Date) {
  if (old.activityId) {
    const [activity] = await tx
      .select({ minutes: serviceActivities.minutes })
      .from(serviceActivities)
      .where(eq(serviceActivities.id, old.activityId));
    const cap = activityCapHalfHours(activity.minutes);
    if (halfHours > cap)
      throw new AppError("bad_request", t.community.overActivity(formatHours(cap)), {
        hours: t.community.overActivity(formatHours(cap)),
      });
  }
  await tx
    .update(volunteerHours)
    .set({ status: "superseded", decidedBy: scope.userId, decidedAt: now, comment: comment || null })
    .where(eq(volunteerHours.id, old.id));
  await reverseSource(
    tx,
    { sourceType: "volunteer_hours", sourceId: old.id, memberId: old.memberId },
    `${t.community.corrected}：${comment || t.community.adjustHours}`,
    scope.userId,
  );
  const row = await insertEntry(
    tx,
    scope,
    {
      clientId: randomUUID(),
      memberId: old.memberId,
      gridId: old.gridId,
      communityId: old.communityId,
      activityId: old.activityId,
      servedOn: old.servedOn,
      halfHours,
      description: old.description,
      status: "confirmed",
      replacesId: old.id,
      comment: comment || undefined,
    },
    old.id,
  );
  return row!;
}

/** The grid worker answers a member's own entry. */
export async function decideHours(db: Db, scope: Scope, input: DecideHours, now = new Date()) {
  return db.transaction(async (tx) => {
    const { entry, gridPath } = await loadEntry(tx, scope, input.hoursId);
    if (entry.status !== "submitted") throw new AppError("conflict", t.community.notConfirmable);
    let result: VolunteerHours = entry;
    if (input.decision === "adjust" && input.hours !== entry.halfHours)
      result = await supersede(tx, scope, entry, input.hours!, input.comment, now);
    else {
      const status = input.decision === "reject" ? "rejected" : "confirmed";
      [result] = await tx
        .update(volunteerHours)
        .set({ status, decidedBy: scope.userId, decidedAt: now, comment: input.comment || null })
        .where(eq(volunteerHours.id, entry.id))
        .returning();
      if (status === "confirmed") await awardHours(tx, result, scope.userId);
    }
    await notify(tx, [entry.memberId], {
      kind: "community",
      title: t.community.notice.hoursDecided(
        t.community.hoursStatus[input.decision === "reject" ? "rejected" : "confirmed"],
      ),
      body: `${entry.servedOn} ${t.community.hoursUnit(formatHours(result.halfHours))}${input.comment ? `：${input.comment}` : ""}`,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: `community.hours.${input.decision}`,
      targetType: "volunteer_hours",
      targetId: entry.id,
      nodePath: gridPath,
      detail: {
        memberId: entry.memberId,
        from: entry.halfHours,
        to: result.halfHours,
        comment: input.comment || undefined,
      },
    });
    return { id: result.id, status: result.status, halfHours: result.halfHours };
  });
}

/** A confirmed entry corrected: a new entry with the right hours supersedes it, with the reason. */
export async function correctHours(db: Db, scope: Scope, input: CorrectHours, now = new Date()) {
  return db.transaction(async (tx) => {
    const { entry, gridPath } = await loadEntry(tx, scope, input.hoursId);
    if (entry.status !== "confirmed") throw new AppError("conflict", t.community.notConfirmable);
    const row = await supersede(tx, scope, entry, input.hours, input.comment, now);
    await notify(tx, [entry.memberId], {
      kind: "community",
      title: t.community.notice.hoursCorrected,
      body: t.community.notice.hoursCorrectedBody(
        entry.servedOn,
        t.community.hoursUnit(formatHours(entry.halfHours)),
        t.community.hoursUnit(formatHours(row.halfHours)),
        input.comment,
      ),
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "community.hours.correct",
      targetType: "volunteer_hours",
      targetId: entry.id,
      nodePath: gridPath,
      detail: {
        memberId: entry.memberId,
        from: entry.halfHours,
        to: row.halfHours,
        replacement: row.id,
        comment: input.comment,
      },
    });
    return { id: row.id, halfHours: row.halfHours };
  });
}

const activityTitle = alias(serviceActivities, "activity");

/** The member's own entries, newest first. */
export async function myHours(db: Db, scope: Scope) {
  const memberId = memberOf(scope);
  return db
    .select({
      id: volunteerHours.id,
      servedOn: volunteerHours.servedOn,
      halfHours: volunteerHours.halfHours,
      description: volunteerHours.description,
      status: volunteerHours.status,
      comment: volunteerHours.comment,
      byMember: sql<boolean>`${volunteerHours.recordedBy} = ${volunteerHours.memberId}`,
      activityTitle: activityTitle.title,
    })
    .from(volunteerHours)
    .leftJoin(activityTitle, eq(activityTitle.id, volunteerHours.activityId))
    .where(eq(volunteerHours.memberId, memberId))
    .orderBy(desc(volunteerHours.servedOn), desc(volunteerHours.id))
    .limit(100);
}

/** Entries in the grid worker's grids: those waiting for an answer, or the latest confirmed ones. */
export async function gridHours(db: Db, scope: Scope, status: "submitted" | "confirmed") {
  const prefixes = servedPaths(scope);
  return db
    .select({
      id: volunteerHours.id,
      memberName: users.name,
      servedOn: volunteerHours.servedOn,
      halfHours: volunteerHours.halfHours,
      description: volunteerHours.description,
      status: volunteerHours.status,
      activityTitle: activityTitle.title,
    })
    .from(volunteerHours)
    .innerJoin(orgNodes, eq(orgNodes.id, volunteerHours.gridId))
    .innerJoin(users, eq(users.id, volunteerHours.memberId))
    .leftJoin(activityTitle, eq(activityTitle.id, volunteerHours.activityId))
    .where(and(eq(volunteerHours.status, status), pathUnder(orgNodes.path, prefixes)))
    .orderBy(desc(volunteerHours.id))
    .limit(100);
}

/** Members with a confirmed report in the grid worker's grids: whom a single entry can be for. */
export async function reportedMembers(db: Db, scope: Scope) {
  const prefixes = servedPaths(scope);
  return db
    .select({ id: users.id, name: users.name, gridName: orgNodes.name })
    .from(communityReports)
    .innerJoin(orgNodes, eq(orgNodes.id, communityReports.gridId))
    .innerJoin(users, eq(users.id, communityReports.memberId))
    .where(and(eq(communityReports.status, "confirmed"), pathUnder(orgNodes.path, prefixes)))
    .orderBy(orgNodes.path, users.name);
}
