import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Scope } from "@/lib/scope";
import type { PushSubscriptionInput } from "@/lib/validation/push";
import type { Db } from "../open";
import { notices } from "../schema/activities";
import { pushOutbox, pushSubscriptions, pushVapidKeys } from "../schema/push";
import { deliveries } from "../schema/reach";
import { writeAudit } from "./audit";

/**
 * The caller's browser subscribes to their own notices. An endpoint already held by someone else (the phone
 * changed hands) moves to the caller: a phone is told one person's notices, the last to opt in on it.
 */
export async function savePushSubscription(db: Db, scope: Scope, input: PushSubscriptionInput): Promise<{ on: true }> {
  return db.transaction(async (tx) => {
    const row = { endpoint: input.endpoint, userId: scope.userId, p256dh: input.keys.p256dh, auth: input.keys.auth };
    await tx
      .insert(pushSubscriptions)
      .values(row)
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { userId: row.userId, p256dh: row.p256dh, auth: row.auth, createdAt: new Date() },
      });
    // The host says which push service (FCM, Mozilla, Apple); the full endpoint is a capability, not logged.
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "account.push_on",
      targetType: "user",
      targetId: scope.userId,
      detail: { service: new URL(input.endpoint).host },
    });
    return { on: true as const };
  });
}

/** The caller's browser stops being told; only the caller's own subscription can be removed this way. */
export async function removePushSubscription(
  db: Db,
  scope: Scope,
  input: { endpoint: string },
): Promise<{ on: false }> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.endpoint, input.endpoint), eq(pushSubscriptions.userId, scope.userId)))
      .returning({ endpoint: pushSubscriptions.endpoint });
    if (gone.length > 0)
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "account.push_off",
        targetType: "user",
        targetId: scope.userId,
      });
    return { on: false as const };
  });
}

/**
 * Queues a push to every browser these people subscribed, in the caller's transaction (the notice's): one
 * statement, however many people.
 */
export async function queuePush(
  db: Db,
  userIds: number[],
  payload: { title: string; body: string; url: string },
): Promise<void> {
  if (userIds.length === 0) return;
  const s = pushSubscriptions;
  await db.execute(sql`insert into ${pushOutbox} (endpoint, user_id, payload)
    select ${s.endpoint}, ${s.userId}, ${JSON.stringify(payload)}::jsonb from ${s} where ${inArray(s.userId, [...new Set(userIds)])}`);
}

/**
 * Queues the push of notices just written, one row per subscribed browser of each reader, and the push
 * delivery state of each notice that has at least one (db/schema/reach.ts): in the notice's transaction.
 */
export async function queueNoticePush(
  db: Db,
  written: { id: number; userId: number }[],
  payload: { title: string; body: string; url: string },
): Promise<void> {
  if (written.length === 0) return;
  const s = pushSubscriptions;
  const ids = written.map((n) => n.id);
  await db.execute(sql`insert into ${pushOutbox} (endpoint, user_id, notice_id, payload)
    select ${s.endpoint}, ${s.userId}, ${notices.id}, ${JSON.stringify(payload)}::jsonb
    from ${s} join ${notices} on ${notices.userId} = ${s.userId} where ${inArray(notices.id, ids)}`);
  await db.execute(sql`insert into ${deliveries} (notice_id, user_id, channel)
    select distinct ${pushOutbox.noticeId}, ${pushOutbox.userId}, 'push'::delivery_channel from ${pushOutbox}
    where ${inArray(pushOutbox.noticeId, ids)} on conflict do nothing`);
}

/**
 * A notice's push delivery settles: sent once any of the reader's browsers took it; failed when none did
 * and none is left to try.
 */
export async function settlePushDeliveries(db: Db, sent: number[], failed: { noticeId: number; reason: string }[]) {
  if (sent.length > 0)
    await db
      .update(deliveries)
      .set({ status: "sent", sentAt: sql`now()`, reason: null })
      .where(and(inArray(deliveries.noticeId, sent), eq(deliveries.channel, "push")));
  for (const { noticeId, reason } of failed) {
    await db
      .update(deliveries)
      .set({ status: "failed", reason })
      .where(
        and(
          eq(deliveries.noticeId, noticeId),
          eq(deliveries.channel, "push"),
          eq(deliveries.status, "queued"),
          sql`not exists (select 1 from ${pushOutbox} where ${pushOutbox.noticeId} = ${noticeId})`,
        ),
      );
  }
}

/**
 * Takes up to `limit` pushes that are due, for this sender alone: each is leased (not due again for a minute,
 * then two, four … as its attempts grow) so another sender, or this one after a crash, sends it only once
 * the lease has run out. Comes with the subscription's keys; the sender's read, with no caller.
 */
export async function claimPushes(db: Db, at?: Date, limit = 100) {
  // The database's clock by default: the one that stamped the rows (to the microsecond).
  const now = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const due = db
    .select({ id: pushOutbox.id })
    .from(pushOutbox)
    .where(lte(pushOutbox.notBefore, now))
    .orderBy(pushOutbox.id)
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(pushOutbox)
    .set({
      attempts: sql`${pushOutbox.attempts} + 1`,
      notBefore: sql`${now} + interval '1 minute' * power(2, ${pushOutbox.attempts})`,
    })
    .where(inArray(pushOutbox.id, due))
    .returning();
  if (claimed.length === 0) return [];
  const subscriptions = await db
    .select()
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.endpoint, [...new Set(claimed.map((c) => c.endpoint))]));
  const byEndpoint = new Map(subscriptions.map((s) => [s.endpoint, s]));
  return claimed.map((push) => ({ ...push, subscription: byEndpoint.get(push.endpoint) }));
}

/** Pushes that are done with: taken by their push service, refused for good, or given up on. */
export async function finishPushes(db: Db, ids: number[]): Promise<void> {
  if (ids.length > 0) await db.delete(pushOutbox).where(inArray(pushOutbox.id, ids));
}

/** The push service said this endpoint is gone (404/410): the browser unsubscribed or the subscription expired. */
export async function dropPushEndpoint(db: Db, endpoint: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
}

/** The VAPID key pair kept in the database, if one has been made; never writes. */
export async function readVapidKeys(db: Db) {
  const [found] = await db.select().from(pushVapidKeys).where(eq(pushVapidKeys.id, 1));
  return found ? { publicKey: found.publicKey, privateKey: found.privateKey } : null;
}

/**
 * The VAPID key pair kept in the database, made by `generate` the first time. Several instances starting at
 * once may each generate a pair; the insert that lands first wins and everyone reads that one back.
 */
export async function storedVapidKeys(db: Db, generate: () => { publicKey: string; privateKey: string }) {
  const found = await readVapidKeys(db);
  if (found) return found;
  await db
    .insert(pushVapidKeys)
    .values({ id: 1, ...generate() })
    .onConflictDoNothing();
  const [stored] = await db.select().from(pushVapidKeys).where(eq(pushVapidKeys.id, 1));
  return { publicKey: stored.publicKey, privateKey: stored.privateKey };
}
