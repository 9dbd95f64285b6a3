import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { openSeal } from "@/lib/checkin-seal";
import {
  codeFor,
  OFFLINE_GRACE_MINUTES,
  ONLINE_TOLERANCE,
  recordedAt,
  stepAt,
  typedStepInWindow,
  verifyScan,
} from "@/lib/checkin-token";
import { checkinWindow, OPENS_BEFORE_MS } from "@/lib/checkin-window";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { TIME_ZONE } from "@/lib/time";
import type { Db } from "../open";
import { activities, attendance } from "../schema/activities";
import { auditLog } from "../schema/audit";
import { checkinDisputes, checkins } from "../schema/checkins";
import { users } from "../schema/users";
import { loadActivity } from "./activities";
import { writeAudit } from "./audit";
import { notify } from "./notify";
import { getElderMode } from "./preferences";

/** After start + 15 minutes a check-in counts as late. */
export const LATE_AFTER_MS = 15 * 60_000;

export interface CheckinAnswer {
  status: "checked_in" | "late" | "already";
  at: string;
  offline: boolean;
  message: string;
}

const hhmm = new Intl.DateTimeFormat("zh-CN", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: TIME_ZONE,
});

/**
 * A member checks in with a scanned or typed code (POST /api/v1/checkins). Exactly once: a replay of the
 * same clientId returns the first answer; a second check-in of the same member says "already".
 *
 * Sized for a county's burst (docs/scaling.md): a successful check-in is one round trip to the database —
 * the activity comes from a short in-process cache, and one prepared statement inserts the check-in and the
 * attendance outcome together while re-checking in SQL what the cache said. Everything else (a replay, a
 * second scan, a refusal, a cache that was out of date) takes the slower path that asks the database again.
 */
export interface CheckinInput {
  activityId: number;
  code: string;
  step?: number;
  clientId: string;
  scannedAt?: Date;
  /** A scan sealed by the /c page before sign-in (lib/checkin-seal.ts): its server time and the seal. */
  seenAt?: number;
  seal?: string;
}

/**
 * `sealKey` opens the seal of a scan that went through sign-in; without it (or with a bad or old seal) the
 * scan is judged at its arrival like any other.
 */
export async function checkIn(
  db: Db,
  scope: Scope,
  input: CheckinInput,
  now = new Date(),
  sealKey?: string,
): Promise<CheckinAnswer> {
  try {
    return await checkInOnce(db, scope, input, now, false, sealKey);
  } catch (error) {
    // A refused request may be the replay of one that succeeded (the window has closed since, say): the
    // first answer wins over any refusal.
    if (error instanceof AppError) {
      const replay = await replayOf(db, scope, input.clientId);
      if (replay) return replay;
    }
    throw error;
  }
}

async function checkInOnce(
  db: Db,
  scope: Scope,
  input: CheckinInput,
  now: Date,
  fresh: boolean,
  sealKey?: string,
): Promise<CheckinAnswer> {
  if (!scope.member) throw new AppError("forbidden", t.checkin.notMember);
  const activity = await cachedActivity(db, input.activityId, fresh);
  // A refusal is decided on the database's row, never on a copy that may be seconds old.
  const refuse = (error: AppError) =>
    fresh ? Promise.reject(error) : checkInOnce(db, scope, input, now, true, sealKey);
  if (!activity) return refuse(new AppError("not_found"));
  if (activity.branchId !== scope.member.branchId) return refuse(new AppError("forbidden", t.checkin.notYourBranch));
  if (activity.status === "closed") return refuse(new AppError("conflict", t.checkin.closed));

  const { opensAt, closesAt } = checkinWindow(activity, now);
  // Scanned before a sign-in: judged at the sealed time the scan reached us, not after the sign-in.
  const sealed = await sealedAt(sealKey, input, now);
  const judgedAt = sealed ?? now;
  let verdict = await verifyScan({
    secret: activity.secret,
    activityId: activity.id,
    code: input.code,
    step: input.step,
    scannedAt: sealed ? undefined : input.scannedAt,
    opensAt,
    closesAt,
    now: judgedAt,
  });
  // Guessing: a member who typed wrong codes too often in a short while waits before trying again. Only on
  // the slow path, which every wrong code reaches; the elder whole-window match below widens what a guess
  // hits, so the limit is checked before it.
  if (!verdict.ok && verdict.reason === "bad_code" && fresh) {
    if ((await wrongCodes(db, scope.userId, activity.id)) >= MAX_WRONG_CODES)
      throw new AppError("rate_limited", t.checkin.tooManyWrong, { code: t.checkin.tooManyWrong });
    // A code read off another branch's screen is not a wrong guess: say whose it is.
    if (input.step === undefined && (await isOtherActivityCode(db, activity.id, input.code, now)))
      throw new AppError("forbidden", t.checkin.otherBranchCode, { code: t.checkin.otherBranchCode });
  }
  // 长辈模式: a typed code from earlier in the window still counts. Asked only on the slow (fresh) path, so
  // the burst of ordinary check-ins never reads the preference.
  if (
    !verdict.ok &&
    verdict.reason !== "window_closed" &&
    fresh &&
    input.step === undefined &&
    (await getElderMode(db, scope))
  ) {
    const step = await typedStepInWindow({
      secret: activity.secret,
      activityId: activity.id,
      code: input.code,
      opensAt,
      closesAt,
      now,
    });
    if (step !== null) verdict = { ok: true, step, offline: false };
  }
  if (!verdict.ok) {
    if (verdict.reason === "bad_code" && fresh)
      await writeAudit(db, {
        actorId: scope.userId,
        action: "checkin.bad_code",
        targetType: "activity",
        targetId: activity.id,
        outcome: "denied",
      });
    const refusal = { bad_code: t.checkin.badCode, expired: t.checkin.expired, window_closed: t.checkin.windowClosed }[
      verdict.reason
    ];
    return refuse(
      new AppError(verdict.reason === "window_closed" ? "conflict" : "bad_request", refusal, { code: refusal }),
    );
  }
  // A phone that kept its scan must deliver it soon after the end; later it is not believed.
  if (verdict.offline && now.getTime() > closesAt.getTime() + OFFLINE_GRACE_MINUTES * 60_000) {
    return refuse(
      new AppError("conflict", t.checkin.offlineTooLate(OFFLINE_GRACE_MINUTES), {
        code: t.checkin.offlineTooLate(OFFLINE_GRACE_MINUTES),
      }),
    );
  }
  const at = verdict.offline ? recordedAt(verdict.step, now, input.scannedAt) : judgedAt;
  const entry: Entry = {
    activityId: activity.id,
    memberId: scope.userId,
    clientId: input.clientId,
    method: input.step === undefined ? "code" : "qr",
    at,
    scannedAt: input.scannedAt,
    step: verdict.step,
    offline: verdict.offline,
    late: at.getTime() > activity.startsAt.getTime() + LATE_AFTER_MS,
  };
  const result = await record(db, scope, entry, activity);
  // The activity moved since it was cached (the insert re-checks it): decide again on the database's row.
  if (result === "stale") return refuse(new AppError("conflict", t.errors.conflict));
  return result;
}

async function sealedAt(key: string | undefined, input: CheckinInput, now: Date): Promise<Date | null> {
  if (!key || !input.seal || input.seenAt === undefined || input.step === undefined) return null;
  return openSeal(
    key,
    { activityId: input.activityId, step: input.step, code: input.code, seenAt: input.seenAt },
    input.seal,
    now,
  );
}

/** Whether a typed code is the current one of another activity whose check-in is open now. */
async function isOtherActivityCode(db: Db, activityId: number, code: string, now: Date): Promise<boolean> {
  const open = await db
    .select({ id: activities.id, secret: activities.checkinSecret })
    .from(activities)
    .where(
      and(
        eq(activities.status, "scheduled"),
        sql`${activities.id} <> ${activityId}`,
        sql`${activities.startsAt} - make_interval(secs => ${OPENS_BEFORE_MS / 1000}) <=
          ${now.toISOString()}::timestamptz`,
        sql`${activities.startsAt} + make_interval(mins => ${activities.durationMinutes}) >=
          ${now.toISOString()}::timestamptz`,
      ),
    )
    .limit(5_000);
  const serverStep = stepAt(now.getTime());
  for (const other of open) {
    for (let step = serverStep - ONLINE_TOLERANCE; step <= serverStep + ONLINE_TOLERANCE; step++)
      if ((await codeFor(other.secret, other.id, step)) === code) return true;
  }
  return false;
}

/** Wrong codes a member may type for one activity within WRONG_CODE_WINDOW_MS before being made to wait. */
export const MAX_WRONG_CODES = 10;
const WRONG_CODE_WINDOW_MS = 10 * 60_000;

/**
 * The member's recent wrong codes for the activity, counted from the audit log where each is recorded, by
 * the database's clock (the one that stamped them).
 */
async function wrongCodes(db: Db, memberId: number, activityId: number): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, memberId),
        eq(auditLog.action, "checkin.bad_code"),
        eq(auditLog.targetId, String(activityId)),
        sql`${auditLog.at} > now() - make_interval(secs => ${WRONG_CODE_WINDOW_MS / 1000})`,
      ),
    );
  return n;
}

/** The stored first answer to this client id, or null; a client id that another member used is refused. */
async function replayOf(db: Db, scope: Scope, clientId: string): Promise<CheckinAnswer | null> {
  const [replay] = await db
    .select({ memberId: checkins.memberId, response: checkins.response })
    .from(checkins)
    .where(eq(checkins.clientId, clientId));
  if (!replay) return null;
  if (replay.memberId !== scope.userId) throw new AppError("conflict", t.checkin.clientReused);
  return replay.response as unknown as CheckinAnswer;
}

// ---------------------------------------------------------------------------------------------------------
// The activity, cached for a few seconds per process

/** What a check-in needs to know about its activity. */
interface CheckinActivity {
  id: number;
  branchId: number;
  status: "scheduled" | "closed";
  startsAt: Date;
  durationMinutes: number;
  secret: string;
}

/**
 * How long a process keeps its copy of an activity. Nothing is decided on the copy alone: the insert
 * re-checks status, branch and time in SQL, and every refusal is decided again on a fresh row; so this
 * only sets how often the row is read. A branch's 50 members check in over a few minutes: with a minute,
 * about one check-in in ten of a county's burst reads the activity; at 10 s more than half would.
 */
const ACTIVITY_TTL_MS = 60_000;
const ACTIVITY_CACHE_MAX = 5_000;
type Cached = { at: number; row: Promise<CheckinActivity | null> };
const activityCache = new WeakMap<Db, Map<number, Cached>>();

function cachedActivity(db: Db, id: number, fresh: boolean): Promise<CheckinActivity | null> {
  let cache = activityCache.get(db);
  if (!cache) {
    cache = new Map();
    activityCache.set(db, cache);
  }
  const hit = cache.get(id);
  if (hit && !fresh && Date.now() - hit.at < ACTIVITY_TTL_MS) return hit.row;
  if (cache.size >= ACTIVITY_CACHE_MAX) cache.clear();
  // Concurrent check-ins of one branch share the one load in flight; a failed load is not kept.
  const row = statements(db)
    .loadActivity.execute({ id })
    .then(([found]) => found ?? null);
  const entry = { at: Date.now(), row };
  cache.set(id, entry);
  row.catch(() => cache.get(id) === entry && cache.delete(id));
  return row;
}

// ---------------------------------------------------------------------------------------------------------
// Writing

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

/** Offline check-ins wait for the secretary's confirmation. */
const reviewOf = (entry: Entry) => (entry.offline ? "pending" : null);

/**
 * The statements of the hot path, prepared once per database client (postgres.js then sends a check-in in
 * one round trip instead of describing the statement first).
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();
const statements = (db: Db) => {
  let found = prepared.get(db);
  if (!found) {
    found = prepare(db);
    prepared.set(db, found);
  }
  return found;
};

function prepare(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  const loadActivity = db
    .select({
      id: activities.id,
      branchId: activities.branchId,
      status: activities.status,
      startsAt: activities.startsAt,
      durationMinutes: activities.durationMinutes,
      secret: activities.checkinSecret,
    })
    .from(activities)
    .where(eq(activities.id, sql.placeholder("id")))
    .prepare("checkin_activity");

  // The activity must still be what the caller decided on: open, in this branch, at the same time.
  const open = db.$with("open", { id: sql<number>`id` }).as(sql`
    select id from activities
    where id = ${p("activityId")} and status = 'scheduled' and branch_id = ${p("branchId")}
      and date_trunc('milliseconds', starts_at) = ${p("startsAt")}::timestamptz and duration_minutes = ${p("durationMinutes")}`);
  // Unique on client id and on (activity, member): whichever comes second inserts nothing.
  const inserted = db.$with("inserted", { id: sql<number>`id` }).as(sql`
    insert into checkins (client_id, activity_id, member_id, method, at, scanned_at, step, offline, late, proxy_by,
      proxy_reason, review, response)
    select ${p("clientId")}::uuid, open.id, ${p("memberId")}, ${p("method")}::checkin_method,
      ${p("at")}::timestamptz, ${p("scannedAt")}::timestamptz,
      ${p("step")}::int, ${p("offline")}::boolean, ${p("late")}::boolean, ${p("proxyBy")}::int, ${p("proxyReason")}::text, ${p("review")}::checkin_review, ${p("response")}::jsonb
    from open
    on conflict do nothing
    returning id, activity_id, member_id`);
  // Only with the check-in: the attendance outcome, in the same statement and so the same transaction.
  const outcome = db.$with("outcome", { id: sql<number>`id` }).as(sql`
    insert into attendance (activity_id, member_id, expected, outcome, source, recorded_by, recorded_at)
    select activity_id, member_id, false, ${p("outcome")}::attendance_outcome, ${p("source")}::attendance_source,
      ${p("recordedBy")}::int, ${p("at")}::timestamptz
    from inserted
    on conflict (activity_id, member_id) do update
      set outcome = excluded.outcome, source = excluded.source, recorded_by = excluded.recorded_by, recorded_at =
        excluded.recorded_at
    returning id`);
  const insert = db
    .with(open, inserted, outcome)
    .select({ inserted: sql<number>`count(*)`.mapWith(Number) })
    .from(inserted)
    .prepare("checkin_insert");
  return { loadActivity, insert };
}

/**
 * Writes the check-in and the attendance outcome together, in one statement, if the activity is still as
 * `expected` says; the unique indexes decide every race. "stale" when the activity is no longer as expected.
 */
async function record(db: Db, scope: Scope, entry: Entry, expected: CheckinActivity): Promise<CheckinAnswer | "stale"> {
  const time = hhmm.format(entry.at);
  const answer: CheckinAnswer = {
    status: entry.late ? "late" : "checked_in",
    at: entry.at.toISOString(),
    offline: entry.offline,
    message: (entry.late ? t.checkin.late(time) : t.checkin.done(time)) + (entry.offline ? t.checkin.offline : ""),
  };
  const [result] = await statements(db).insert.execute({
    activityId: entry.activityId,
    branchId: expected.branchId,
    startsAt: expected.startsAt.toISOString(),
    durationMinutes: expected.durationMinutes,
    clientId: entry.clientId,
    memberId: entry.memberId,
    method: entry.method,
    at: entry.at.toISOString(),
    scannedAt: entry.scannedAt?.toISOString() ?? null,
    step: entry.step ?? null,
    offline: entry.offline,
    late: entry.late,
    proxyBy: entry.proxyBy ?? null,
    proxyReason: entry.proxyReason ?? null,
    review: reviewOf(entry),
    response: JSON.stringify(answer),
    outcome: entry.late ? "late" : "present",
    source: entry.method === "proxy" ? "proxy" : "checkin",
    recordedBy: scope.userId,
  });
  if (result.inserted === 1) return answer;
  return whyNotInserted(db, entry, expected);
}

/** Nothing was inserted: a replay, a second check-in, or an activity that changed under the cache. */
async function whyNotInserted(db: Db, entry: Entry, expected: CheckinActivity): Promise<CheckinAnswer | "stale"> {
  const [same] = await db.select().from(checkins).where(eq(checkins.clientId, entry.clientId));
  if (same) {
    if (same.memberId !== entry.memberId) throw new AppError("conflict", t.checkin.clientReused);
    return same.response as unknown as CheckinAnswer;
  }
  const [now] = await db
    .select({
      status: activities.status,
      branchId: activities.branchId,
      startsAt: activities.startsAt,
      durationMinutes: activities.durationMinutes,
    })
    .from(activities)
    .where(eq(activities.id, entry.activityId));
  if (!now) throw new AppError("not_found");
  if (now.status === "closed") throw new AppError("conflict", t.checkin.closed);
  if (
    now.branchId !== expected.branchId ||
    now.startsAt.getTime() !== expected.startsAt.getTime() ||
    now.durationMinutes !== expected.durationMinutes
  )
    return "stale";
  const [first] = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.activityId, entry.activityId), eq(checkins.memberId, entry.memberId)));
  if (first)
    return {
      status: "already",
      at: first.at.toISOString(),
      offline: first.offline,
      message: t.checkin.already(hhmm.format(first.at)),
    };
  throw new AppError("conflict", t.errors.conflict);
}

/**
 * The secretary checks in a member without a smartphone, with a reason; audited and told to the member.
 * `late` is given when copying a paper sign-in sheet afterwards: what the sheet says, not the time of typing.
 */
export async function proxyCheckIn(
  db: Db,
  scope: Scope,
  input: { activityId: number; memberId: number; reason: string; late?: boolean },
  now = new Date(),
) {
  // One transaction with its audit entry and the member's notice: a failing audit leaves no check-in behind.
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    if (activity.status === "closed") throw new AppError("conflict", t.checkin.closed);
    if (now.getTime() < activity.startsAt.getTime() - OPENS_BEFORE_MS)
      throw new AppError("conflict", t.checkin.windowClosed);
    const [row] = await tx
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, input.memberId)));
    if (!row) throw new AppError("not_found");
    const entry: Entry = {
      activityId: activity.id,
      memberId: input.memberId,
      clientId: randomUUID(),
      method: "proxy",
      at: now,
      offline: false,
      late: input.late ?? now.getTime() > activity.startsAt.getTime() + LATE_AFTER_MS,
      proxyBy: scope.userId,
      proxyReason: input.reason,
    };
    const answer = await record(tx, scope, entry, { ...activity, secret: activity.checkinSecret });
    if (answer === "stale") throw new AppError("conflict", t.errors.conflict); // moved while we were writing
    if (answer.status !== "already") {
      const [by] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "checkin.proxy",
        targetType: "member",
        targetId: input.memberId,
        nodePath: activity.branchPath,
        detail: {
          activityId: activity.id,
          reason: input.reason,
          ...(input.late !== undefined && { late: input.late }),
        },
      });
      await notify(tx, [input.memberId], {
        kind: "activity",
        activityId: activity.id,
        title: t.checkin.proxyNotice(activity.title, by?.name ?? ""),
        body: t.checkin.proxyNoticeBody,
      });
    }
    return answer;
  });
}

/** The member's own check-in for one activity, with who entered it and any dispute. */
export async function myCheckin(db: Db, scope: Scope, activityId: number) {
  const [row] = await db
    .select({
      id: checkins.id,
      at: checkins.at,
      method: checkins.method,
      late: checkins.late,
      offline: checkins.offline,
      review: checkins.review,
      proxyReason: checkins.proxyReason,
      proxyByName: users.name,
      dispute: checkinDisputes.status,
    })
    .from(checkins)
    .leftJoin(users, eq(users.id, checkins.proxyBy))
    .leftJoin(checkinDisputes, eq(checkinDisputes.checkinId, checkins.id))
    .where(and(eq(checkins.activityId, activityId), eq(checkins.memberId, scope.userId)));
  return row ?? null;
}
