"use client";

import { errors } from "@/lib/messages/errors";
import { pwa } from "@/lib/messages/pwa";
import type { Delivery } from "./send";
import type { OutboxItem } from "./store";
import { outboxUser } from "./user";

/**
 * The one way an offline-capable write leaves the phone (docs/architecture.md#offline): it is stored in IndexedDB
 * first, then
 * sent; an item that gets no definite answer stays and is replayed on Background Sync where the browser has
 * it, and on `online`, `visibilitychange` and app start everywhere else (components/outbox/outbox-status.tsx).
 */
const messages = { network: pwa.queued, server: errors.internal };

/**
 * IndexedDB (idb) and the sender are a chunk of their own, fetched once the page is idle rather than with it:
 * the form works from the first moment, and the chunk is in hand (and in the service worker's precache)
 * before anyone goes offline with the form open.
 */
const loadStore = () => import("./store");
const loadDeliver = () => import("./deliver");
const loadSend = () => import("./send");
if (typeof window !== "undefined") {
  const warm = () => void Promise.all([loadStore(), loadDeliver()]).catch(() => undefined);
  if ("requestIdleCallback" in window) window.requestIdleCallback(warm);
  else setTimeout(warm, 1000);
}

/** `queued`: kept in this phone's outbox, to be sent when the network is back (else the person retries). */
export type Submission = Delivery & { clientId: string; queued: boolean };

/** Without an outbox to keep it, a write that got no answer is simply not sent: the person tries again. */
const unqueuedMessages = { network: pwa.notSent, server: errors.internal };

/**
 * Queues a write and sends it at once. A write answered on the first try leaves nothing behind (the form shows
 * its answer); one that is kept shows in the pending list until a replay settles it. With nobody known to be
 * signed in (a page outside the shell), or no IndexedDB to keep it in, it is sent once without queueing.
 */
export async function submit(write: {
  kind: OutboxItem["kind"];
  url: string;
  clientId: string;
  label: string;
  body: Record<string, unknown>;
  files?: OutboxItem["files"];
}): Promise<Submission> {
  const userId = outboxUser();
  const item: OutboxItem = {
    ...write,
    userId: userId ?? 0,
    createdAt: new Date().toISOString(),
    state: "pending",
    attempts: 0,
    lastAnswer: null,
  };
  const once = async () => ({
    ...(await loadSend().then(({ send }) => send({ ...write, owner: userId }, unqueuedMessages))),
    clientId: item.clientId,
    queued: false,
  });
  if (userId === null || !(await storageWorks())) return once();
  const [{ putItem, deleteItem }, { deliver }] = await Promise.all([loadStore(), loadDeliver()]);
  // An attachment too large for what the browser lets this site keep: sent once, as before the outbox.
  if (
    !(await putItem(item).then(
      () => true,
      () => false,
    ))
  )
    return once();
  // Just stored, so nobody else can hold it yet; were it taken all the same, it is in the queue.
  const delivery = (await deliver(item, messages)) ?? {
    outcome: "kept" as const,
    status: null,
    message: messages.network,
  };
  if (delivery.outcome === "kept") requestBackgroundSync();
  else await deleteItem(item.clientId);
  return { ...delivery, clientId: item.clientId, queued: delivery.outcome === "kept" };
}

/** Sends whatever this person has queued; safe to call often. */
export async function replay(): Promise<void> {
  const userId = outboxUser();
  if (userId === null) return;
  const left = await loadDeliver()
    .then(({ flush }) => flush(userId, messages))
    .catch(() => 1);
  if (left > 0) requestBackgroundSync();
}

export async function dismiss(clientId: string): Promise<void> {
  const { deleteItem } = await loadStore();
  await deleteItem(clientId);
}

function requestBackgroundSync(): void {
  if (!("serviceWorker" in navigator)) return;
  void Promise.all([navigator.serviceWorker.ready, loadStore()])
    .then(([registration, { SYNC_TAG }]) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(
        SYNC_TAG,
      ),
    )
    .catch(() => undefined);
}

let storage: Promise<boolean> | null = null;
/** Private modes of some browsers refuse IndexedDB; then writes are sent directly, as before the outbox. */
function storageWorks(): Promise<boolean> {
  storage ??= loadStore()
    .then((s) => s.itemsOf(-1))
    .then(
      () => true,
      () => false,
    );
  return storage;
}
