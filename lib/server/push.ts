import webpush from "web-push";
import type { Db } from "@/db/open";
import {
  claimPushes,
  dropPushEndpoint,
  finishPushes,
  readVapidKeys,
  settlePushDeliveries,
  storedVapidKeys,
} from "@/db/queries/push";
import type { PushSubscriptionRow } from "@/db/schema/push";
import { env } from "@/env";
import { logError } from "../log";

/** What the service worker shows (worker/index.ts reads the same shape). */
export interface PushPayload {
  title: string;
  body: string;
  /** The page a tap opens, same-origin. */
  url: string;
}

interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** How many push services are asked at once for one notice: a whole branch, politely. */
const PARALLEL = 8;
/** A notice is still worth showing the next day; after that the push service may drop it. */
const TTL_SECONDS = 24 * 3600;
const TIMEOUT_MS = 10_000;

const keysByDb = new WeakMap<Db, Promise<VapidKeys>>();

/**
 * The VAPID pair: from the environment when set, else the one in the database (generated on first use).
 * Not a file under .data/: every instance in front of one PostgreSQL must sign with the same key, because
 * a browser's subscription is bound to the public key it was made with.
 */
export function vapidKeys(db: Db): Promise<VapidKeys> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return Promise.resolve({ publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY });
  let keys = keysByDb.get(db);
  if (!keys) {
    keys = storedVapidKeys(db, () => webpush.generateVAPIDKeys());
    keysByDb.set(db, keys);
    keys.catch(() => keysByDb.delete(db));
  }
  return keys;
}

/**
 * The public key a page hands to the browser, read only: the pair is made at boot (instrumentation.ts), not by
 * the first visit to 我的 (docs/architecture.md#writes-and-reads). Null until then, and the opt-in stays hidden.
 */
export async function publicVapidKey(db: Db): Promise<string | null> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) return env.VAPID_PUBLIC_KEY;
  const made = keysByDb.get(db);
  if (made) return (await made).publicKey;
  return (await readVapidKeys(db))?.publicKey ?? null;
}

const inFlight = new Set<Promise<void>>();

/**
 * Sends the pushes that are due (db/schema/push.ts's outbox), in the background: called once a notice's
 * transaction has committed, and every half minute by the scheduler (lib/server/scheduler.ts) for those a push service
 * failed to take or a crash left behind. The write that queued them has answered already, so a slow or
 * failing push service costs it nothing.
 */
export function sendDuePushes(db: Db, at?: Date): void {
  const job = drain(db, at).catch((error: unknown) => logError("push delivery failed", error));
  inFlight.add(job);
  void job.finally(() => inFlight.delete(job));
}

/** Resolves once every push started so far has been answered (tests; a graceful shutdown). */
export async function pushesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** After this many failed sends, or once the push service would have dropped it (TTL), a push is let go. */
const MAX_ATTEMPTS = 8;

/** `at`: the time to judge what is due by (tests); the database's own clock when not given. */
async function drain(db: Db, at?: Date): Promise<void> {
  for (;;) {
    const batch = await claimPushes(db, at);
    if (batch.length === 0) return;
    const keys = await vapidKeys(db);
    const done: number[] = [];
    const sent: number[] = [];
    const failed: { noticeId: number; reason: string }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < batch.length) {
        const push = batch[next++];
        // Gone, or since moved to someone else's notices: nobody to tell.
        const owner = push.subscription?.userId === push.userId ? push.subscription : undefined;
        const outcome = owner ? await sendOne(db, owner, JSON.stringify(push.payload), keys) : "gone";
        const stale =
          push.attempts >= MAX_ATTEMPTS || (at ?? new Date()).getTime() - push.createdAt.getTime() > TTL_SECONDS * 1000;
        if (outcome !== "retry" || stale) done.push(push.id);
        if (push.noticeId === null) continue;
        if (outcome === "sent") sent.push(push.noticeId);
        else if (outcome !== "retry" || stale)
          failed.push({ noticeId: push.noticeId, reason: outcome === "retry" ? "gave_up" : outcome });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, batch.length) }, lane));
    await finishPushes(db, done);
    await settlePushDeliveries(db, sent, failed);
  }
}

/**
 * web-push encrypts (aes128gcm, RFC 8291) and signs (VAPID); the request goes out through fetch so it has
 * a time-out and follows no redirects. 404 and 410 mean the subscription is gone for good: it is removed.
 */
async function sendOne(
  db: Db,
  subscription: PushSubscriptionRow,
  body: string,
  keys: VapidKeys,
): Promise<"sent" | "refused" | "gone" | "retry"> {
  const request = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    body,
    {
      vapidDetails: { subject: env.VAPID_SUBJECT, ...keys },
      TTL: TTL_SECONDS,
      contentEncoding: "aes128gcm",
      urgency: "normal",
    },
  );
  const headers = Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => name.toLowerCase() !== "content-length")
      .map(([name, value]) => [name, String(value)]),
  );
  const service = new URL(subscription.endpoint).host;
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers,
      body: request.body ? new Uint8Array(request.body) : undefined,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 404 || response.status === 410) await dropPushEndpoint(db, subscription.endpoint);
    else if (!response.ok) console.warn(`push service ${service} answered ${response.status}`);
    // Taken, gone, or refused for good (a 4xx other than 429 will not change by asking again).
    if (response.ok) return "sent";
    if (response.status === 404 || response.status === 410) return "gone";
    return response.status >= 400 && response.status < 500 && response.status !== 429 ? "refused" : "retry";
  } catch (error) {
    console.warn(`push service ${service} unreachable: ${error instanceof Error ? error.message : String(error)}`);
    return "retry";
  }
}
