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
import { notify } from "./notify";

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

const titles: Record<ReminderKind, (title: string) => string> = {
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
    .select({ activity: activities, off: countySettings.remindersOff })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .leftJoin(countySettings, eq(countySettings.countyId, sql`split_part(${orgNodes.path}, '/', 2)::int`))
    .where(eq(activities.id, job.activityId));
  if (!row) return { skipped: "gone" };
  const { activity } = row;
  if ((row.off ?? []).includes(job.kind)) return { skipped: "county_off" };
  if (activity.status !== "scheduled" || activity.startsAt <= at) return { skipped: "past" };
  const due = reminderTime(job.kind, activity.startsAt);
  if (due > at) {
    // Moved later since it was armed: wait for the new time.
    await tx.update(scheduledJobs).set({ runAt: due }).where(eq(scheduledJobs.id, job.id));
    return "later";
  }
  const onLeave = tx
    .select({ id: leaveRequests.id })
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.activityId, activity.id),
        eq(leaveRequests.memberId, attendance.memberId),
        inArray(leaveRequests.status, ["pending", "approved"]),
      ),
    );
  const readIt = tx
    .select({ id: notices.id })
    .from(notices)
    .where(
      and(
        eq(notices.activityId, activity.id),
        eq(notices.userId, attendance.memberId),
        sql`${notices.readAt} is not null`,
      ),
    );
  const recipients = await tx
    .select({ memberId: attendance.memberId })
    .from(attendance)
    .where(
      and(
        eq(attendance.activityId, activity.id),
        eq(attendance.expected, true),
        notExists(onLeave),
        job.kind === "unread_day_before" ? notExists(readIt) : undefined,
      ),
    );
  const ids = recipients.map((r) => r.memberId);
  await notify(tx, ids, {
    kind: "reminder",
    activityId: activity.id,
    title: titles[job.kind](`${t.activityType[activity.type]}：${activity.title}`),
    body: `${formatWhen(activity.startsAt)}${activity.place ? `，${activity.place}` : ""}`,
  });
  return { told: ids.length };
}
