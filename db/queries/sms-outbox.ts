import { and, eq, inArray, sql } from "drizzle-orm";
import { SMS_MAX_ATTEMPTS, smsBackoffMs } from "@/lib/reach";
import { monthOf } from "@/lib/time";
import type { Db } from "../open";
import { activities, notices } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { deliveries } from "../schema/reach";
import { countySettings } from "../schema/settings";
import { users } from "../schema/users";

/** The county of a branch path: the first node of every path (as a SQL expression). */
const countyIdOf = (path: typeof orgNodes.path) => sql`split_part(${path}, '/', 2)::int`;

/**
 * Queues one SMS per notice just written about an activity, in the notice's transaction
 * (docs/reminders-and-sms.md#the-pipeline). The row is written whatever happens to it, so the secretary
 * sees why a member got no SMS: the channel off (no keys), the county's switch, the member's mute.
 */
export async function queueSms(db: Db, noticeIds: number[], channelOn: boolean): Promise<void> {
  if (noticeIds.length === 0) return;
  const settingsOn = sql`coalesce(${countySettings.smsOn}, true)`;
  const reason = sql`case when not ${channelOn} then 'off' when not ${settingsOn} then 'county_off'
    when ${users.smsMuted} then 'muted' end`;
  await db.execute(sql`insert into ${deliveries}
      (notice_id, user_id, channel, status, reason, county_id, activity_starts_at)
    select ${notices.id}, ${notices.userId}, 'sms'::delivery_channel,
      (case when ${reason} is null then 'queued' else 'skipped' end)::delivery_status, ${reason},
      ${countyIdOf(orgNodes.path)}, ${activities.startsAt}
    from ${notices}
    join ${users} on ${users.id} = ${notices.userId}
    join ${activities} on ${activities.id} = ${notices.activityId}
    join ${orgNodes} on ${orgNodes.id} = ${activities.branchId}
    left join ${countySettings} on ${countySettings.countyId} = ${countyIdOf(orgNodes.path)}
    where ${inArray(notices.id, noticeIds)}
    on conflict do nothing`);
}

/**
 * Takes up to `limit` queued SMS that are due, for this sender alone: leased (not due again for the back-off
 * of their attempt) in the claiming statement, so another instance, or this one after a crash, sends a row
 * only once its lease has run out. `at` is the clock to judge by (tests inject it).
 */
export async function claimSms(db: Db, at: Date, limit = 50) {
  const now = sql`${at.toISOString()}::timestamptz`;
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(eq(deliveries.channel, "sms"), eq(deliveries.status, "queued"), sql`${deliveries.notBefore} <= ${now}`))
    .orderBy(deliveries.id)
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(deliveries)
    .set({
      attempts: sql`${deliveries.attempts} + 1`,
      notBefore: sql`${now} + interval '1 minute' * power(2, ${deliveries.attempts})`,
    })
    .where(inArray(deliveries.id, due))
    .returning();
  if (claimed.length === 0) return [];
  const details = await db
    .select({
      noticeId: notices.id,
      title: notices.title,
      phone: users.phone,
      active: users.active,
      smsMuted: users.smsMuted,
      startsAt: activities.startsAt,
    })
    .from(notices)
    .innerJoin(users, eq(users.id, notices.userId))
    .leftJoin(activities, eq(activities.id, notices.activityId))
    .where(
      inArray(
        notices.id,
        claimed.map((c) => c.noticeId),
      ),
    );
  const byNotice = new Map(details.map((d) => [d.noticeId, d]));
  return claimed.map((row) => ({ ...row, ...byNotice.get(row.noticeId)! }));
}

export type ClaimedSms = Awaited<ReturnType<typeof claimSms>>[number];

/** Not now (quiet hours): due again at `at`, and the attempt does not count. */
export async function deferSms(db: Db, id: number, until: Date): Promise<void> {
  await db
    .update(deliveries)
    .set({ notBefore: until, attempts: sql`greatest(${deliveries.attempts} - 1, 0)` })
    .where(eq(deliveries.id, id));
}

/**
 * One SMS off the county's monthly allowance, or false when it is used up: a guarded update, so two senders
 * at once cannot both take the last one. The month is Asia/Shanghai's.
 */
export async function takeSmsAllowance(db: Db, countyId: number, at: Date): Promise<boolean> {
  const month = monthOf(at);
  await db.insert(countySettings).values({ countyId }).onConflictDoNothing();
  const taken = await db
    .update(countySettings)
    .set({
      smsMonth: month,
      smsUsed: sql`case when ${countySettings.smsMonth} = ${month} then ${countySettings.smsUsed} + 1 else 1 end`,
    })
    .where(
      and(
        eq(countySettings.countyId, countyId),
        sql`(${countySettings.smsMonth} <> ${month} or ${countySettings.smsUsed} < ${countySettings.smsMonthlyCap})`,
      ),
    )
    .returning({ used: countySettings.smsUsed });
  return taken.length > 0;
}

/** An SMS the provider did not take gives its unit back (it is not billed). */
export async function returnSmsAllowance(db: Db, countyId: number, at: Date): Promise<void> {
  await db
    .update(countySettings)
    .set({ smsUsed: sql`greatest(${countySettings.smsUsed} - 1, 0)` })
    .where(and(eq(countySettings.countyId, countyId), eq(countySettings.smsMonth, monthOf(at))));
}

/** What became of one claimed SMS. */
export async function settleSms(
  db: Db,
  row: Pick<ClaimedSms, "id" | "attempts">,
  outcome:
    | { kind: "sent"; providerId: string }
    | { kind: "retry"; reason: string }
    | { kind: "failed"; reason: string },
  at: Date,
): Promise<void> {
  if (outcome.kind === "sent") {
    await db
      .update(deliveries)
      .set({ status: "sent", providerId: outcome.providerId, sentAt: at, reason: null })
      .where(eq(deliveries.id, row.id));
  } else if (outcome.kind === "retry" && row.attempts < SMS_MAX_ATTEMPTS) {
    await db
      .update(deliveries)
      .set({ reason: outcome.reason, notBefore: new Date(at.getTime() + smsBackoffMs(row.attempts)) })
      .where(eq(deliveries.id, row.id));
  } else {
    await db
      .update(deliveries)
      .set({ status: "failed", reason: outcome.kind === "retry" ? "gave_up" : outcome.reason })
      .where(eq(deliveries.id, row.id));
  }
}

/** A claimed SMS that will not be sent at all (account disabled since, muted since, cap reached). */
export async function skipSms(db: Db, id: number, status: "skipped" | "failed", reason: string): Promise<void> {
  await db.update(deliveries).set({ status, reason }).where(eq(deliveries.id, id));
}
