import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { verifyScan } from "@/lib/checkin-token";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { TIME_ZONE } from "@/lib/time";
import type { Db } from "../open";
import { activities, attendance } from "../schema/activities";
import { checkinDisputes, checkins } from "../schema/checkins";
import { orgNodes } from "../schema/org";
import { roleGrants, users } from "../schema/users";
import { loadActivity } from "./activities";
import { OPENS_BEFORE_MS } from "./activity-run";
import { writeAudit } from "./audit";
import { notify } from "./notices";

/** After start + 15 minutes a check-in counts as late (issue 4). */
export const LATE_AFTER_MS = 15 * 60_000;

export interface CheckinAnswer {
  status: "checked_in" | "late" | "already";
  at: string;
  offline: boolean;
  message: string;
}

const hhmm = new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TIME_ZONE });

/**
 * A member checks in with a scanned or typed code (POST /api/v1/checkins). Exactly once: a replay of the
 * same clientId returns the first answer; a second check-in of the same member says "already".
 */
export async function checkIn(db: Db, scope: Scope, input: { activityId: number; code: string; step?: number; clientId: string; scannedAt?: Date }, now = new Date()): Promise<CheckinAnswer> {
  const [replay] = await db.select({ memberId: checkins.memberId, response: checkins.response }).from(checkins).where(eq(checkins.clientId, input.clientId));
  if (replay) {
    if (replay.memberId !== scope.userId) throw new AppError("conflict", t.checkin.clientReused);
    return replay.response as unknown as CheckinAnswer;
  }
  if (!scope.member) throw new AppError("forbidden", t.checkin.notMember);
  const [activity] = await db
    .select({ id: activities.id, branchId: activities.branchId, status: activities.status, startsAt: activities.startsAt, durationMinutes: activities.durationMinutes, secret: activities.checkinSecret })
    .from(activities)
    .where(eq(activities.id, input.activityId));
  if (!activity) throw new AppError("not_found");
  if (activity.branchId !== scope.member.branchId) throw new AppError("forbidden", t.checkin.notYourBranch);
  if (activity.status === "closed") throw new AppError("conflict", t.checkin.closed);

  const opensAt = new Date(activity.startsAt.getTime() - OPENS_BEFORE_MS);
  const closesAt = new Date(activity.startsAt.getTime() + activity.durationMinutes * 60_000);
  const verdict = await verifyScan({ secret: activity.secret, activityId: activity.id, code: input.code, step: input.step, scannedAt: input.scannedAt, opensAt, closesAt, now });
  if (!verdict.ok) {
    const refusal = { bad_code: t.checkin.badCode, expired: t.checkin.expired, window_closed: t.checkin.windowClosed }[verdict.reason];
    throw new AppError(verdict.reason === "window_closed" ? "conflict" : "bad_request", refusal, { code: refusal });
  }
  const at = verdict.offline && input.scannedAt ? input.scannedAt : now;
  return record(db, scope, { activityId: activity.id, memberId: scope.userId, clientId: input.clientId, method: input.step === undefined ? "code" : "qr", at, scannedAt: input.scannedAt, step: verdict.step, offline: verdict.offline, late: at.getTime() > activity.startsAt.getTime() + LATE_AFTER_MS });
}

interface Entry {
  activityId: number;
  memberId: number;
  clientId: string;
  method: "qr" | "code" | "proxy";
  at: Date;
  scannedAt?: Date;
  step?: number;
  offline: boolean;
  late: boolean;
  proxyBy?: number;
  proxyReason?: string;
}

/** Writes the check-in and the attendance outcome together; the unique indexes decide every race. */
async function record(db: Db, scope: Scope, entry: Entry): Promise<CheckinAnswer> {
  const time = hhmm.format(entry.at);
  const answer: CheckinAnswer = {
    status: entry.late ? "late" : "checked_in",
    at: entry.at.toISOString(),
    offline: entry.offline,
    message: (entry.late ? t.checkin.late(time) : t.checkin.done(time)) + (entry.offline ? t.checkin.offline : ""),
  };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(checkins)
      .values({ ...entry, response: answer as unknown as Record<string, unknown> })
      .onConflictDoNothing()
      .returning({ id: checkins.id });
    if (inserted.length === 0) {
      const [first] = await tx.select().from(checkins).where(and(eq(checkins.activityId, entry.activityId), eq(checkins.memberId, entry.memberId)));
      const [same] = first ? [first] : await tx.select().from(checkins).where(eq(checkins.clientId, entry.clientId));
      if (same?.clientId === entry.clientId) return same.response as unknown as CheckinAnswer;
      if (!first) throw new AppError("conflict", t.checkin.clientReused);
      return { status: "already", at: first.at.toISOString(), offline: first.offline, message: t.checkin.already(hhmm.format(first.at)) };
    }
    await tx
      .insert(attendance)
      .values({ activityId: entry.activityId, memberId: entry.memberId, expected: false, outcome: entry.late ? "late" : "present", source: entry.method === "proxy" ? "proxy" : "checkin", recordedBy: scope.userId, recordedAt: entry.at })
      .onConflictDoUpdate({
        target: [attendance.activityId, attendance.memberId],
        set: { outcome: entry.late ? "late" : "present", source: entry.method === "proxy" ? "proxy" : "checkin", recordedBy: scope.userId, recordedAt: entry.at },
      });
    return answer;
  });
}

/** The secretary checks in a member without a smartphone, with a reason; audited and told to the member. */
export async function proxyCheckIn(db: Db, scope: Scope, input: { activityId: number; memberId: number; reason: string }, now = new Date()) {
  const activity = await loadActivity(db, scope, input.activityId, canManageActivity);
  if (activity.status === "closed") throw new AppError("conflict", t.checkin.closed);
  if (now.getTime() < activity.startsAt.getTime() - OPENS_BEFORE_MS) throw new AppError("conflict", t.checkin.windowClosed);
  const [row] = await db.select().from(attendance).where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, input.memberId)));
  if (!row) throw new AppError("not_found");
  const answer = await record(db, scope, { activityId: activity.id, memberId: input.memberId, clientId: randomUUID(), method: "proxy", at: now, offline: false, late: now.getTime() > activity.startsAt.getTime() + LATE_AFTER_MS, proxyBy: scope.userId, proxyReason: input.reason });
  if (answer.status !== "already") {
    const [by] = await db.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    await db.transaction(async (tx) => {
      await writeAudit(tx, { actorId: scope.userId, action: "checkin.proxy", targetType: "member", targetId: input.memberId, nodePath: activity.branchPath, detail: { activityId: activity.id, reason: input.reason } });
      await notify(tx, [input.memberId], { kind: "activity", activityId: activity.id, title: t.checkin.proxyNotice(activity.title, by?.name ?? ""), body: t.checkin.proxyNoticeBody });
    });
  }
  return answer;
}

/** The member's own check-in for one activity, with who entered it and any dispute. */
export async function myCheckin(db: Db, scope: Scope, activityId: number) {
  const [row] = await db
    .select({ id: checkins.id, at: checkins.at, method: checkins.method, late: checkins.late, offline: checkins.offline, proxyReason: checkins.proxyReason, proxyByName: users.name, dispute: checkinDisputes.status })
    .from(checkins)
    .leftJoin(users, eq(users.id, checkins.proxyBy))
    .leftJoin(checkinDisputes, eq(checkinDisputes.checkinId, checkins.id))
    .where(and(eq(checkins.activityId, activityId), eq(checkins.memberId, scope.userId)));
  return row ?? null;
}

/** A member disputes a proxy check-in made for them; the branch's secretaries and the committee are told. */
export async function disputeCheckin(db: Db, scope: Scope, input: { checkinId: number; reason: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(checkins).where(eq(checkins.id, input.checkinId));
    if (!row || row.memberId !== scope.userId) throw new AppError("not_found");
    if (row.method !== "proxy") throw new AppError("bad_request", t.checkin.onlyProxyDisputed);
    const [open] = await tx.select({ id: checkinDisputes.id }).from(checkinDisputes).where(eq(checkinDisputes.checkinId, row.id));
    if (open) throw new AppError("conflict", t.checkin.alreadyDisputed);
    const activity = await loadActivity(tx, scope, row.activityId, () => true);
    await tx.insert(checkinDisputes).values({ checkinId: row.id, memberId: scope.userId, reason: input.reason });
    const reviewers = await tx
      .select({ userId: roleGrants.userId })
      .from(roleGrants)
      .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
      .where(and(sql`${roleGrants.role} in ('secretary', 'committee_admin')`, sql`${activity.branchPath} like ${orgNodes.path} || '%'`));
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    await notify(tx, [...new Set(reviewers.map((r) => r.userId))], { kind: "activity", activityId: activity.id, title: t.checkin.disputeNotice(me?.name ?? "", activity.title), body: input.reason });
    await writeAudit(tx, { actorId: scope.userId, action: "checkin.dispute", targetType: "checkin", targetId: row.id, nodePath: activity.branchPath, detail: { reason: input.reason } });
  });
}

/** What the secretary's check-in screen needs: the secret (to draw codes offline) and the roster state. */
export async function checkinScreen(db: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(db, scope, activityId, canManageActivity);
  return { activity: { id: activity.id, title: activity.title, startsAt: activity.startsAt, durationMinutes: activity.durationMinutes, status: activity.status }, secret: activity.checkinSecret, summary: await attendanceSummary(db, scope, activityId) };
}

/** Live counts for the screen: expected, present (late included), on leave, not yet arrived, with names. */
export async function attendanceSummary(db: Db, scope: Scope, activityId: number) {
  await loadActivity(db, scope, activityId, canReadRoster);
  const rows = await db
    .select({ name: users.name, expected: attendance.expected, outcome: attendance.outcome })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.memberId))
    .where(eq(attendance.activityId, activityId))
    .orderBy(asc(attendance.recordedAt), asc(users.id));
  const names = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).map((r) => r.name);
  const present = names((r) => r.outcome === "present" || r.outcome === "late");
  const leave = names((r) => r.expected && r.outcome === "leave");
  const waiting = names((r) => r.expected && !r.outcome);
  return { expected: rows.filter((r) => r.expected).length, present, leave, waiting };
}

