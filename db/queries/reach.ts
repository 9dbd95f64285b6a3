import { and, asc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { attendance, notices } from "../schema/activities";
import { deliveries, phoneNotes } from "../schema/reach";
import { users } from "../schema/users";
import { loadActivity } from "./activities";
import { writeAudit } from "./audit";

export type ChannelState = { status: "queued" | "sent" | "failed" | "skipped"; reason: string | null } | null;

/**
 * Per expected member of an activity, how its notices reached them (docs/reminders-and-sms.md#not-reached):
 * the in-app notice read, the push and SMS of the latest notice that has one, and a phone call noted.
 * `reached` is any of them; the rest is the "not reached" list.
 */
export async function activityReach(db: Db, scope: Scope, activityId: number) {
  const activity = await loadActivity(db, scope, activityId, canReadRoster);
  const rows = await db
    .select({ memberId: attendance.memberId, name: users.name })
    .from(attendance)
    .innerJoin(users, eq(users.id, attendance.memberId))
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true)))
    .orderBy(asc(sql`${users.name} collate "C"`), asc(attendance.memberId));
  const told = await db
    .select({
      userId: notices.userId,
      noticeId: notices.id,
      readAt: notices.readAt,
      channel: deliveries.channel,
      status: deliveries.status,
      reason: deliveries.reason,
    })
    .from(notices)
    .leftJoin(deliveries, eq(deliveries.noticeId, notices.id))
    .where(eq(notices.activityId, activity.id))
    .orderBy(asc(notices.id));
  const phoned = await db
    .select({ memberId: phoneNotes.memberId, notedAt: phoneNotes.notedAt, by: users.name })
    .from(phoneNotes)
    .innerJoin(users, eq(users.id, phoneNotes.notedBy))
    .where(eq(phoneNotes.activityId, activity.id));
  const phonedBy = new Map(phoned.map((p) => [p.memberId, p]));
  // Best state over the activity's notices: sent beats queued beats failed beats skipped.
  const rank = { sent: 3, queued: 2, failed: 1, skipped: 0 } as const;
  const best = (a: ChannelState, b: ChannelState): ChannelState =>
    !a || (b && rank[b.status] > rank[a.status]) ? b : a;
  const members = rows.map((r) => {
    let read = false;
    let noticed = false;
    let push: ChannelState = null;
    let sms: ChannelState = null;
    for (const n of told) {
      if (n.userId !== r.memberId) continue;
      noticed = true;
      if (n.readAt) read = true;
      const state = n.status ? { status: n.status, reason: n.reason } : null;
      if (n.channel === "push") push = best(push, state);
      if (n.channel === "sms") sms = best(sms, state);
    }
    const phone = phonedBy.get(r.memberId) ?? null;
    const reached = read || push?.status === "sent" || sms?.status === "sent" || phone !== null;
    return { ...r, noticed, read, push, sms, phoned: phone, reached };
  });
  return {
    activityId: activity.id,
    members,
    notReached: members.filter((m) => !m.reached),
    canMark: canManageActivity(scope, activity.branchPath) && activity.status === "scheduled",
  };
}

export type ActivityReach = Awaited<ReturnType<typeof activityReach>>;

/**
 * The secretary told an expected member by phone ("已电话通知"): noted once per activity and audited. A
 * second mark, by anyone, is a conflict, so two secretaries tapping at once leave one record.
 */
export async function markPhoned(
  db: Db,
  scope: Scope,
  input: { activityId: number; memberId: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    if (activity.status !== "scheduled") throw new AppError("conflict", t.reach.closed);
    const [expected] = await tx
      .select({ memberId: attendance.memberId })
      .from(attendance)
      .where(
        and(
          eq(attendance.activityId, activity.id),
          eq(attendance.memberId, input.memberId),
          eq(attendance.expected, true),
        ),
      );
    if (!expected) throw new AppError("not_found");
    const [noted] = await tx
      .insert(phoneNotes)
      .values({ activityId: activity.id, memberId: input.memberId, notedBy: scope.userId, notedAt: now })
      .onConflictDoNothing()
      .returning({ id: phoneNotes.id });
    if (!noted) throw new AppError("conflict", t.reach.alreadyPhoned);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "notice.phoned",
      targetType: "activity",
      targetId: activity.id,
      nodePath: activity.branchPath,
      detail: { memberId: input.memberId },
    });
    return { memberId: input.memberId };
  });
}
