import { and, asc, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity, canReadActivity, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { formatWhen } from "@/lib/time";
import type { Db } from "../open";
import { activities, attendance, notices } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { users } from "../schema/users";
import { loadActivity, syncRoster } from "./activities";
import { writeAudit } from "./audit";
import { notify } from "./notify";

export const NOTICES_PER_PAGE = 30;

/**
 * The caller's own notices, newest first, 30 at a time; `before` is the id of the last one shown. The id
 * orders them: notices are only ever inserted, so a later id is a later notice. The activity's branch path
 * comes along so the page can link to the view the reader is allowed to open.
 */
export async function listMyNotices(db: Db, scope: Scope, input: { before?: number } = {}) {
  const rows = await db
    .select({
      id: notices.id,
      kind: notices.kind,
      title: notices.title,
      body: notices.body,
      createdAt: notices.createdAt,
      readAt: notices.readAt,
      activityId: notices.activityId,
      branchId: activities.branchId,
      branchPath: orgNodes.path,
    })
    .from(notices)
    .leftJoin(activities, eq(activities.id, notices.activityId))
    .leftJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .where(and(eq(notices.userId, scope.userId), input.before ? lt(notices.id, input.before) : undefined))
    .orderBy(desc(notices.id))
    .limit(NOTICES_PER_PAGE + 1);
  const more = rows.length > NOTICES_PER_PAGE;
  return { notices: rows.slice(0, NOTICES_PER_PAGE), more };
}

export async function unreadCount(db: Db, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notices)
    .where(and(eq(notices.userId, scope.userId), isNull(notices.readAt)));
  return row.n;
}

/** Marks one of the caller's notices read; someone else's notice is "not found", never touched. */
export async function markRead(db: Db, scope: Scope, input: { noticeId: number }, now = new Date()) {
  const [notice] = await db
    .select({ userId: notices.userId, readAt: notices.readAt })
    .from(notices)
    .where(eq(notices.id, input.noticeId));
  if (!notice || notice.userId !== scope.userId) throw new AppError("not_found");
  if (!notice.readAt) await db.update(notices).set({ readAt: now }).where(eq(notices.id, input.noticeId));
}

export async function markAllRead(db: Db, scope: Scope, now = new Date()): Promise<{ count: number }> {
  const rows = await db
    .update(notices)
    .set({ readAt: now })
    .where(and(eq(notices.userId, scope.userId), isNull(notices.readAt)))
    .returning({ id: notices.id });
  return { count: rows.length };
}

/** Opening an activity is reading every notice the caller has about it: this is the secretary's read receipt. */
export async function markActivityRead(db: Db, scope: Scope, activityId: number, now = new Date()): Promise<number> {
  await loadActivity(db, scope, activityId, canReadActivity);
  const rows = await db
    .update(notices)
    .set({ readAt: now })
    .where(and(eq(notices.userId, scope.userId), eq(notices.activityId, activityId), isNull(notices.readAt)))
    .returning({ id: notices.id });
  return rows.length;
}

/** A member has read the activity once an announcement or a reminder of it has been opened. */
const hasRead = sql<boolean>`exists (
  select 1 from ${notices}
  where ${notices.userId} = ${attendance.memberId}
    and ${notices.activityId} = ${attendance.activityId}
    and ${notices.kind} in ('activity', 'reminder')
    and ${notices.readAt} is not null
)`;

async function expectedWithReads(db: Db, activityId: number) {
  return db
    .select({ memberId: attendance.memberId, name: users.name, read: hasRead })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.memberId))
    .where(and(eq(attendance.activityId, activityId), eq(attendance.expected, true)))
    .orderBy(asc(sql`${users.name} collate "C"`), asc(attendance.memberId));
}

export type ReadStatus = Awaited<ReturnType<typeof readStatus>>;

/**
 * Who of the expected members has read the activity's notice (docs/architecture.md#the-theme-days-rules "Same
 * attendance"): for the
 * branch's secretary and the admins above it. `canRemind` says whether the caller may send reminders now.
 */
export async function readStatus(db: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(db, scope, activityId, canReadRoster);
  const rows = await expectedWithReads(db, activity.id);
  const read = rows.filter((r) => r.read).map(({ memberId, name }) => ({ memberId, name }));
  const unread = rows.filter((r) => !r.read).map(({ memberId, name }) => ({ memberId, name }));
  return {
    activityId: activity.id,
    expected: rows.length,
    read,
    unread,
    canRemind: canManageActivity(scope, activity.branchPath) && activity.status === "scheduled",
  };
}

/** Sends a reminder to every expected member who has not read the notice yet; returns how many. */
export async function remindUnread(
  db: Db,
  scope: Scope,
  activityId: number,
  now = new Date(),
): Promise<{ count: number }> {
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, activityId, canManageActivity);
    if (activity.status === "closed") throw new AppError("conflict", t.notices.closed);
    // Members who joined the branch since the activity was announced are on the roster before they are reminded.
    await syncRoster(tx, activity, now);
    const unread = (await expectedWithReads(tx, activity.id)).filter((r) => !r.read).map((r) => r.memberId);
    if (unread.length === 0) throw new AppError("conflict", t.notices.allRead);
    await notify(tx, unread, {
      kind: "reminder",
      activityId: activity.id,
      title: t.notices.reminderTitle(`${t.activityType[activity.type]}：${activity.title}`),
      body: `${formatWhen(activity.startsAt)}${activity.place ? `，${activity.place}` : ""}`,
    });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "notice.remind",
      targetType: "activity",
      targetId: activity.id,
      nodePath: activity.branchPath,
      detail: { count: unread.length },
    });
    return { count: unread.length };
  });
}
