import { and, asc, eq, sql } from "drizzle-orm";
import { alias, type SelectedFields } from "drizzle-orm/pg-core";
import { checkinMarks, markedName } from "@/lib/checkin-marks";
import { canManageActivity, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { attendance } from "../schema/activities";
import { checkinDisputes, checkins } from "../schema/checkins";
import { users } from "../schema/users";
import { loadActivity } from "./activities";

const proxyBy = alias(users, "proxy_by");

/** The columns a check-in's marks are worked out from (lib/checkin-marks.ts): outcome, source and check-in. */
export const checkinFacts = {
  expected: attendance.expected,
  outcome: attendance.outcome,
  source: attendance.source,
  method: checkins.method,
  offline: checkins.offline,
  review: checkins.review,
};

/** What every roster view reads of a row: the person, their marks, and an open dispute. */
const markedRow = { name: users.name, ...checkinFacts, dispute: checkinDisputes.status };

/**
 * An activity's roster with each row's check-in, who entered it for them (`proxyBy`) and its dispute joined:
 * the one read behind the run screen, the check-in screen's counts and the attendance sheet.
 */
export function rosterRows<Extra extends SelectedFields>(db: Db, activityId: number, extra: Extra) {
  return db
    .select({ ...markedRow, ...extra })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.memberId))
    .leftJoin(checkins, and(eq(checkins.activityId, attendance.activityId), eq(checkins.memberId, attendance.memberId)))
    .leftJoin(proxyBy, eq(proxyBy.id, checkins.proxyBy))
    .leftJoin(checkinDisputes, eq(checkinDisputes.checkinId, checkins.id))
    .where(eq(attendance.activityId, activityId));
}

/** What the secretary's check-in screen needs: the secret (to draw codes offline) and the roster state. */
export async function checkinScreen(db: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(db, scope, activityId, canManageActivity);
  return {
    activity: {
      id: activity.id,
      title: activity.title,
      startsAt: activity.startsAt,
      durationMinutes: activity.durationMinutes,
      status: activity.status,
    },
    secret: activity.checkinSecret,
    summary: await attendanceSummary(db, scope, activityId),
  };
}

/**
 * Live counts for the screen: expected, present (late included), on leave, not yet arrived, with names;
 * proxy, offline and host entries are marked by name, and offline ones still to confirm are counted.
 */
export async function attendanceSummary(db: Db, scope: Scope, activityId: number) {
  await loadActivity(db, scope, activityId, canReadRoster);
  const rows = await rosterRows(db, activityId, {}).orderBy(asc(attendance.recordedAt), asc(users.id));
  const names = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).map((r) => r.name);
  const present = rows
    .filter((r) => r.outcome === "present" || r.outcome === "late")
    .map((r) => markedName(r.name, checkinMarks(r)));
  const leave = names((r) => r.expected && r.outcome === "leave");
  const waiting = names((r) => r.expected && !r.outcome);
  const pendingOffline = rows.filter((r) => r.review === "pending").length;
  return { expected: rows.filter((r) => r.expected).length, present, leave, waiting, pendingOffline };
}

/**
 * The activity's attendance for export: every roster row with its outcome and how it came about — the
 * check-in's method and time, who entered a proxy one and why, and its marks (代签, 离线补传 and its review,
 * 主持, an open dispute), so that a flagged entry is never read as a plain 出席.
 */
export async function attendanceSheet(db: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(db, scope, activityId, canReadRoster);
  const rows = await rosterRows(db, activityId, {
    at: checkins.at,
    proxyReason: checkins.proxyReason,
    proxyByName: proxyBy.name,
  }).orderBy(asc(sql`${users.name} collate "C"`));
  return { activity, rows: rows.map((r) => ({ ...r, marks: checkinMarks(r) })) };
}
