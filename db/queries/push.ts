import { and, eq, inArray } from "drizzle-orm";
import type { Scope } from "@/lib/scope";
import type { PushSubscriptionInput } from "@/lib/validation/push";
import type { Db } from "../open";
import { pushSubscriptions, pushVapidKeys } from "../schema/push";
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
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: row.userId, p256dh: row.p256dh, auth: row.auth, createdAt: new Date() } });
    // The host says which push service (FCM, Mozilla, Apple); the full endpoint is a capability, not logged.
    await writeAudit(tx, { actorId: scope.userId, action: "account.push_on", targetType: "user", targetId: scope.userId, detail: { service: new URL(input.endpoint).host } });
    return { on: true as const };
  });
}

/** The caller's browser stops being told; only the caller's own subscription can be removed this way. */
export async function removePushSubscription(db: Db, scope: Scope, input: { endpoint: string }): Promise<{ on: false }> {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.endpoint, input.endpoint), eq(pushSubscriptions.userId, scope.userId)))
      .returning({ endpoint: pushSubscriptions.endpoint });
    if (gone.length > 0) await writeAudit(tx, { actorId: scope.userId, action: "account.push_off", targetType: "user", targetId: scope.userId });
    return { on: false as const };
  });
}

/** Every subscription of these people: the sender's read, with no caller (it runs after a write commits). */
export async function subscriptionsOf(db: Db, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds));
}

/** The push service said this endpoint is gone (404/410): the browser unsubscribed or the subscription expired. */
export async function dropPushEndpoint(db: Db, endpoint: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
}

/**
 * The VAPID key pair kept in the database, made by `generate` the first time. Several instances starting at
 * once may each generate a pair; the insert that lands first wins and everyone reads that one back.
 */
export async function storedVapidKeys(db: Db, generate: () => { publicKey: string; privateKey: string }) {
  const [found] = await db.select().from(pushVapidKeys).where(eq(pushVapidKeys.id, 1));
  if (found) return { publicKey: found.publicKey, privateKey: found.privateKey };
  await db.insert(pushVapidKeys).values({ id: 1, ...generate() }).onConflictDoNothing();
  const [stored] = await db.select().from(pushVapidKeys).where(eq(pushVapidKeys.id, 1));
  return { publicKey: stored.publicKey, privateKey: stored.privateKey };
}
