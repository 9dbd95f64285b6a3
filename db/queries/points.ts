import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import { shanghaiDate } from "@/lib/community";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canReadRoster, isCountyAdmin } from "@/lib/permissions";
import { attendanceRule, capped, capWindow, type RuleCode, round1, signed } from "@/lib/points";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { within } from "../period";
import { activities, attendance } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { type PointEntry, type PointRule, pointEntries, pointRules } from "../schema/points";
import { members } from "../schema/users";
import { writeAudit } from "./audit";
import { paidAtActivity } from "./dues-ledger";
import { branchAt } from "./membership-periods";
import { notify } from "./notify";

/**
 * The points ledger. `award` is called by the transaction that records the source — closing an
 * activity, confirming a make-up, hours or a community report — so a total never disagrees with its sources.
 * Entries are never changed: `reverse` adds the opposite entry.
 */

/** The version of a rule in force on a day: the latest that took effect on or before it. */
export async function ruleOn(db: Db, code: RuleCode, day: string): Promise<PointRule> {
  const [rule] = await db
    .select()
    .from(pointRules)
    .where(and(eq(pointRules.code, code), lte(pointRules.effectiveFrom, day)))
    .orderBy(desc(pointRules.effectiveFrom), desc(pointRules.version))
    .limit(1);
  // Only a day before every rule's first version (lib/points.ts POINTS_SINCE) has none: the day is wrong, not the
  // ledger.
  if (!rule) throw new AppError("bad_request", t.points.noRuleOn(day));
  return rule;
}

export interface Award {
  memberId: number;
  code: RuleCode;
  sourceType: string;
  sourceId: number;
  occurredAt: Date;
  causedBy: number | null;
  reason: string;
  /** Hours, for a rule that awards per hour. */
  quantity?: number;
}

/**
 * Writes the entry a source earns under the rule in force on its day, within the rule's cap (the member's
 * row is locked so two awards at once count one after the other). Once per (source, member, rule): a second
 * call for the same source writes nothing. Returns the entry, or null when the cap left nothing or it exists.
 */
export async function award(tx: Db, input: Award): Promise<PointEntry | null> {
  const rule = await ruleOn(tx, input.code, shanghaiDate(input.occurredAt));
  const [member] = await tx
    // The branch the member was in when the source happened (docs/architecture.md#membership-history).
    .select({ branchId: branchAt(members.userId, input.occurredAt) })
    .from(members)
    .where(eq(members.userId, input.memberId))
    .for("update", { of: members });
  if (!member) return null;
  let points = round1(rule.points * (input.quantity ?? 1));
  if (rule.cap !== null && rule.capPeriod && rule.capGroup) {
    const { from, to } = capWindow(rule.capPeriod, input.occurredAt);
    const [{ used }] = await tx
      .select({ used: sql<number>`coalesce(sum(${pointEntries.points}), 0)::float8` })
      .from(pointEntries)
      .where(
        and(
          eq(pointEntries.memberId, input.memberId),
          sql`${pointEntries.ruleCode} in (select ${pointRules.code} from ${pointRules}
            where ${pointRules.capGroup} = ${rule.capGroup})`,
          within(pointEntries.occurredAt, from, to),
        ),
      );
    points = capped(points, Number(used), rule.cap);
  }
  if (points === 0) return null;
  const [entry] = await tx
    .insert(pointEntries)
    .values({
      memberId: input.memberId,
      branchId: member.branchId,
      ruleId: rule.id,
      ruleCode: rule.code,
      points,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      occurredAt: input.occurredAt,
      reason: input.reason,
      causedBy: input.causedBy,
    })
    .onConflictDoNothing()
    .returning();
  return entry ?? null;
}

/** The opposite of an entry, with the reason; an entry is reversed at most once. */
export async function reverse(
  tx: Db,
  entry: PointEntry,
  reason: string,
  causedBy: number | null,
): Promise<PointEntry | null> {
  const [row] = await tx
    .insert(pointEntries)
    .values({
      memberId: entry.memberId,
      branchId: entry.branchId,
      ruleId: entry.ruleId,
      ruleCode: entry.ruleCode,
      points: -entry.points,
      sourceType: entry.sourceType,
      sourceId: entry.sourceId,
      occurredAt: entry.occurredAt,
      reason,
      causedBy,
      reversesId: entry.id,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Reverses whatever a source earned a member that is still standing (a superseded hours entry, say). */
export async function reverseSource(
  tx: Db,
  source: { sourceType: string; sourceId: number; memberId: number },
  reason: string,
  causedBy: number | null,
) {
  const standing = await tx
    .select()
    .from(pointEntries)
    .where(
      and(
        eq(pointEntries.sourceType, source.sourceType),
        eq(pointEntries.sourceId, source.sourceId),
        eq(pointEntries.memberId, source.memberId),
        isNull(pointEntries.reversesId),
        sql`not exists (select 1 from ${pointEntries} r where r.reverses_id = ${pointEntries.id})`,
      ),
    );
  for (const entry of standing) await reverse(tx, entry, reason, causedBy);
}

/** An entry with the path of its branch, for whoever may correct it. */
async function loadEntry(db: Db, entryId: number) {
  const [row] = await db
    .select({ entry: pointEntries, branchPath: orgNodes.path })
    .from(pointEntries)
    .innerJoin(orgNodes, eq(orgNodes.id, pointEntries.branchId))
    .where(eq(pointEntries.id, entryId));
  if (!row) throw new AppError("not_found");
  return row;
}

type Outcome = "present" | "late" | "absent";

/**
 * A secretary or admin reverses an entry, with a reason; audited. Attendance points follow the attendance
 * outcome, so reversing one is correcting the outcome (`outcome`, required then): the record changes, the
 * old entry is reversed and the new outcome's rule applies, all in one place.
 */
export async function reverseEntry(
  db: Db,
  scope: Scope,
  input: { entryId: number; reason: string; outcome?: Outcome },
) {
  return db.transaction(async (tx) => {
    const { entry, branchPath } = await loadEntry(tx, input.entryId);
    if (!canReadRoster(scope, branchPath)) throw new AppError("forbidden");
    if (entry.reversesId !== null) throw new AppError("conflict", t.points.cannotReverseReversal);
    if (entry.sourceType === "attendance") {
      if (!input.outcome)
        throw new AppError("bad_request", t.points.outcomeRequired, { outcome: t.points.outcomeRequired });
      return correctAttendance(
        tx,
        scope,
        { attendanceId: entry.sourceId!, outcome: input.outcome, reason: input.reason },
        branchPath,
      );
    }
    const row = await reverse(tx, entry, input.reason, scope.userId);
    if (!row) throw new AppError("conflict", t.points.alreadyReversed);
    await notify(tx, [entry.memberId], {
      kind: "points",
      title: t.points.notice.reversed,
      body: t.points.notice.reversedBody(signed(entry.points), entry.reason, input.reason),
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "points.reverse",
      targetType: "point_entry",
      targetId: entry.id,
      nodePath: branchPath,
      detail: { memberId: entry.memberId, points: entry.points, reason: input.reason },
    });
    return { id: row.id };
  });
}

/** A closed activity's outcome for one member set right: the record, its points and a notice to the member. */
async function correctAttendance(
  tx: Db,
  scope: Scope,
  input: { attendanceId: number; outcome: Outcome; reason: string },
  branchPath: string,
) {
  const [row] = await tx
    .select({ attendance, activity: activities })
    .from(attendance)
    .innerJoin(activities, eq(activities.id, attendance.activityId))
    .where(eq(attendance.id, input.attendanceId))
    .for("update", { of: attendance });
  if (!row) throw new AppError("not_found");
  const { activity } = row;
  if (activity.status !== "closed") throw new AppError("conflict", t.points.notClosed);
  const from = row.attendance.outcome;
  if (from === input.outcome) throw new AppError("conflict", t.points.sameOutcome);
  await tx
    .update(attendance)
    .set({ outcome: input.outcome, source: "manual", recordedBy: scope.userId, recordedAt: new Date() })
    .where(eq(attendance.id, row.attendance.id));
  const memberId = row.attendance.memberId;
  const code = attendanceRule(activity.type, input.outcome);
  // An entry is earned once per source and rule: an outcome whose entry was reversed before cannot earn again.
  const [earlier] = code
    ? await tx
        .select({ id: pointEntries.id })
        .from(pointEntries)
        .where(
          and(
            eq(pointEntries.sourceType, "attendance"),
            eq(pointEntries.sourceId, row.attendance.id),
            eq(pointEntries.ruleCode, code),
            isNull(pointEntries.reversesId),
          ),
        )
    : [];
  if (earlier) throw new AppError("conflict", t.points.outcomeUsed);
  await reverseSource(
    tx,
    { sourceType: "attendance", sourceId: row.attendance.id, memberId },
    input.reason,
    scope.userId,
  );
  const what = `${t.activityType[activity.type]}《${activity.title}》`;
  if (code)
    await award(tx, {
      memberId,
      code,
      sourceType: "attendance",
      sourceId: row.attendance.id,
      occurredAt: activity.startsAt,
      causedBy: scope.userId,
      reason: `${what}${t.run.outcome[input.outcome]}`,
    });
  const label = (o: string | null) => (o ? t.run.outcome[o as Outcome] : "—");
  await notify(tx, [memberId], {
    kind: "points",
    activityId: activity.id,
    title: t.points.notice.attendanceCorrected(activity.title),
    body: t.points.notice.attendanceCorrectedBody(label(from), label(input.outcome), input.reason),
  });
  await writeAudit(tx, {
    actorId: scope.userId,
    action: "attendance.correct",
    targetType: "attendance",
    targetId: row.attendance.id,
    nodePath: branchPath,
    detail: { activityId: activity.id, memberId, from, to: input.outcome, reason: input.reason },
  });
  return { id: row.attendance.id };
}

/** A manual entry (a commendation, a deduction the rules do not cover), with a reason; audited. */
export async function manualEntry(
  db: Db,
  scope: Scope,
  input: { memberId: number; points: number; reason: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ branchId: members.branchId, branchPath: orgNodes.path })
      .from(members)
      .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
      .where(eq(members.userId, input.memberId));
    if (!member) throw new AppError("not_found");
    if (!canReadRoster(scope, member.branchPath)) throw new AppError("forbidden");
    const [row] = await tx
      .insert(pointEntries)
      .values({
        memberId: input.memberId,
        branchId: member.branchId,
        ruleCode: "manual",
        points: input.points,
        sourceType: "manual",
        occurredAt: now,
        reason: input.reason,
        causedBy: scope.userId,
      })
      .returning();
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "points.manual",
      targetType: "point_entry",
      targetId: row.id,
      nodePath: member.branchPath,
      detail: { memberId: input.memberId, points: input.points, reason: input.reason },
    });
    return { id: row.id };
  });
}

/** Sum of a member's entries in [from, to). */
export async function totalOf(db: Db, memberId: number, from: Date, to: Date): Promise<number> {
  const [{ total }] = await db
    .select({ total: sql<number>`coalesce(sum(${pointEntries.points}), 0)::float8` })
    .from(pointEntries)
    .where(and(eq(pointEntries.memberId, memberId), within(pointEntries.occurredAt, from, to)));
  return round1(Number(total));
}

/**
 * What closing an activity settles: each outcome earns or costs under its rule (present, late, absent
 * without leave; leave is neither), and each member who paid dues at it earns the on-time point.
 */
export async function awardActivity(
  tx: Db,
  activity: Pick<typeof activities.$inferSelect, "id" | "type" | "title" | "startsAt">,
  causedBy: number,
) {
  const outcomes = await tx
    .select({ id: attendance.id, memberId: attendance.memberId, outcome: attendance.outcome })
    .from(attendance)
    .where(eq(attendance.activityId, activity.id));
  const what = `${t.activityType[activity.type]}《${activity.title}》`;
  for (const row of outcomes) {
    const code = attendanceRule(activity.type, row.outcome);
    if (code)
      await award(tx, {
        memberId: row.memberId,
        code,
        sourceType: "attendance",
        sourceId: row.id,
        occurredAt: activity.startsAt,
        causedBy,
        reason: `${what}${t.run.outcome[row.outcome!]}`,
      });
  }
  const paid = await paidAtActivity(tx, activity.id);
  for (const row of paid)
    await award(tx, {
      memberId: row.memberId,
      code: "dues_on_time",
      sourceType: "dues",
      sourceId: row.id,
      occurredAt: activity.startsAt,
      causedBy,
      reason: `${what}${t.points.rules.dues_on_time}`,
    });
}

/** The rules as they stand today and every version, newest first, for the county's rule editor. */
export async function ruleVersions(db: Db, scope: Scope) {
  if (!isCountyAdmin(scope)) throw new AppError("forbidden");
  return db.select().from(pointRules).orderBy(pointRules.code, desc(pointRules.version));
}

/** The county admin changes a rule: a new version from a day on; entries before it keep their version. */
export async function changeRule(
  db: Db,
  scope: Scope,
  input: { code: RuleCode; points: number; cap: number | null; effectiveFrom: string },
) {
  if (!isCountyAdmin(scope)) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select()
      .from(pointRules)
      .where(eq(pointRules.code, input.code))
      .orderBy(desc(pointRules.version))
      .limit(1)
      .for("update");
    if (!latest) throw new AppError("not_found");
    if (Math.sign(input.points) !== Math.sign(latest.points))
      throw new AppError("bad_request", t.points.signKept, { points: t.points.signKept });
    const [rule] = await tx
      .insert(pointRules)
      .values({
        code: latest.code,
        version: latest.version + 1,
        points: input.points,
        capGroup: latest.capGroup,
        cap: latest.capPeriod ? input.cap : null,
        capPeriod: latest.capPeriod,
        effectiveFrom: input.effectiveFrom,
        createdBy: scope.userId,
      })
      .returning();
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "points.rule",
      targetType: "point_rule",
      targetId: rule.id,
      detail: {
        code: rule.code,
        version: rule.version,
        points: rule.points,
        cap: rule.cap,
        effectiveFrom: rule.effectiveFrom,
      },
    });
    return { id: rule.id, version: rule.version };
  });
}
