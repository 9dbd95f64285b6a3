import { and, asc, eq, inArray, isNull, lte, notExists, sql } from "drizzle-orm";
import { type ReminderKind, reminderKinds } from "@/lib/enums";
import { t } from "@/lib/messages";
import { reminderTime } from "@/lib/reach";
import { formatWhen } from "@/lib/time";
import type { Db } from "../open";
import { activities, attendance, notices } from "../schema/activities";
import { leaveRequests } from "../schema/leave";
import { orgNodes } from "../schema/org";
import { scheduledJobs } from "../schema/reach";
import { countySettings } from "../schema/settings";
import { roleGrants } from "../schema/users";
import { notify } from "./notify";
import { roleHoldersOver } from "./role-holders";

/**
 * Arms (or re-arms) an activity's scheduled reminders for its current start, in the transaction of the write
 * that set it (created, revised by the plan, moved by a schedule change). A reminder whose time has passed
 * is not armed: one that had not fired is closed as "past", and one that had fired for the old time fires
 * again for the new one only if that is still ahead (docs/reminders-and-sms.md#the-reminders).
 */
export async function armReminders(tx: Db, activity: { id: number; startsAt: Date }, now = new Date()): Promise<void> {
  for (const kind of reminderKinds) {
    const runAt = reminderTime(kind, activity.startsAt);
    if (runAt > now) {
      await tx
        .insert(scheduledJobs)
        .values({ kind, activityId: activity.id, runAt })
        .onConflictDoUpdate({
          target: [scheduledJobs.kind, scheduledJobs.activityId],
          set: { runAt, doneAt: null, outcome: null },
        });
    } else {
      await tx
        .update(scheduledJobs)
        .set({ doneAt: now, outcome: { skipped: "past" } })
        .where(
          and(eq(scheduledJobs.kind, kind), eq(scheduledJobs.activityId, activity.id), isNull(scheduledJobs.doneAt)),
        );
    }
  }
}

/** The reminders to an activity's expected members, and their titles. */
const toMembers: Partial<Record<ReminderKind, (title: string) => string>> = {
  evening_before: (title) => t.reach.reminder.eveningBefore(title),
  hour_before: (title) => t.reach.reminder.hourBefore(title),
  unread_day_before: (title) => t.notices.reminderTitle(title),
};

/**
 * Fires the reminders due at `at`, each in one transaction with its notices: the job is claimed with
 * `for update skip locked`, so two instances never fire one, and a crash before the commit leaves it for
 * the next sweep (its notices, and their pushes and SMS, were never written). Returns how many fired.
 */
export async function runDueReminders(db: Db, at: Date = new Date()): Promise<number> {
  let fired = 0;
  for (;;) {
    const ran = await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(scheduledJobs)
        .where(and(isNull(scheduledJobs.doneAt), lte(scheduledJobs.runAt, at)))
        .orderBy(asc(scheduledJobs.runAt), asc(scheduledJobs.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!job) return false;
      const outcome = await fire(tx, job, at);
      if (outcome === "later") return true;
      await tx.update(scheduledJobs).set({ doneAt: at, outcome }).where(eq(scheduledJobs.id, job.id));
      if (outcome.told !== undefined) fired++;
      return true;
    });
    if (!ran) return fired;
  }
}

async function fire(
  tx: Db,
  job: typeof scheduledJobs.$inferSelect,
  at: Date,
): Promise<{ told?: number; skipped?: string } | "later"> {
  if (job.activityId === null) return { skipped: "nothing" };
  const [row] = await tx
    .select({ activity: activities, branchPath: orgNodes.path, off: countySettings.remindersOff })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .leftJoin(countySettings, eq(countySettings.countyId, sql`split_part(${orgNodes.path}, '/', 2)::int`))
    .where(eq(activities.id, job.activityId));
  if (!row) return { skipped: "gone" };
  const { activity } = row;
  if ((row.off ?? []).includes(job.kind)) return { skipped: "county_off" };
  if (job.kind === "not_closed") {
    if (activity.status === "closed") return { skipped: "closed" };
    if (activity.type !== "theme_day") return { skipped: "nothing" };
  } else if (activity.status !== "scheduled" || activity.startsAt <= at) return { skipped: "past" };
  const due = reminderTime(job.kind, activity.startsAt);
  if (due > at) {
    // Moved later since it was armed: wait for the new time.
    await tx.update(scheduledJobs).set({ runAt: due }).where(eq(scheduledJobs.id, job.id));
    return "later";
  }
  const what = `${t.activityType[activity.type]}：${activity.title}`;
  const when = `${formatWhen(activity.startsAt)}${activity.place ? `，${activity.place}` : ""}`;
  const toSecretaries = async (kind: "leave" | "reminder", title: string) => {
    const ids = await roleHoldersOver(tx, "secretary", row.branchPath);
    await notify(tx, ids, { kind, activityId: activity.id, title, body: when });
    return { told: ids.length };
  };
  if (job.kind === "not_closed") return toSecretaries("reminder", t.reach.reminder.notClosed(what));
  if (job.kind === "leave_digest") {
    const waiting = await waitingLeave(tx, activity.id, activity.branchId);
    if (waiting === 0) return { skipped: "nothing" };
    return toSecretaries("leave", t.reach.reminder.leaveDigest(waiting, what));
  }
  const ids = await expectedToTell(tx, activity.id, job.kind === "unread_day_before");
  await notify(tx, ids, { kind: "reminder", activityId: activity.id, title: toMembers[job.kind]!(what), body: when });
  return { told: ids.length };
}

/** Expected members without a pending or approved leave request (and, if asked, who have read no notice). */
async function expectedToTell(tx: Db, activityId: number, unreadOnly: boolean): Promise<number[]> {
  const onLeave = tx
    .select({ id: leaveRequests.id })
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.activityId, activityId),
        eq(leaveRequests.memberId, attendance.memberId),
        inArray(leaveRequests.status, ["pending", "approved"]),
      ),
    );
  const readIt = tx
    .select({ id: notices.id })
    .from(notices)
    .where(
      and(
        eq(notices.activityId, activityId),
        eq(notices.userId, attendance.memberId),
        sql`${notices.readAt} is not null`,
      ),
    );
  const recipients = await tx
    .select({ memberId: attendance.memberId })
    .from(attendance)
    .where(
      and(
        eq(attendance.activityId, activityId),
        eq(attendance.expected, true),
        notExists(onLeave),
        unreadOnly ? notExists(readIt) : undefined,
      ),
    );
  return recipients.map((r) => r.memberId);
}

/**
 * Leave requests of the activity the branch's secretaries decide and have not: pending, and not a secretary's
 * own (those go to the committee above, db/queries/leave.ts decidersOf).
 */
async function waitingLeave(tx: Db, activityId: number, branchId: number): Promise<number> {
  const secretaryOwn = tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, leaveRequests.memberId),
        eq(roleGrants.role, "secretary"),
        eq(roleGrants.nodeId, branchId),
      ),
    );
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(leaveRequests)
    .where(and(eq(leaveRequests.activityId, activityId), eq(leaveRequests.status, "pending"), notExists(secretaryOwn)));
  return row?.n ?? 0;
}
