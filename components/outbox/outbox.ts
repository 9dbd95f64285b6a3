"use client";

import { errors } from "@/lib/messages/errors";
import { pwa } from "@/lib/messages/pwa";
import { deleteItem, putItem, SYNC_TAG, type OutboxItem } from "./store";
import { deliver, flush, type Delivery } from "./deliver";

/**
 * The one way an offline-capable write leaves the phone (DESIGN.md §7): it is stored in IndexedDB first, then
 * sent; an item that gets no definite answer stays and is replayed on Background Sync where the browser has
 * it, and on `online`, `visibilitychange` and app start everywhere else (components/outbox/outbox-status.tsx).
 */
const messages = { network: pwa.queued, server: errors.internal };

let currentUser: number | null = null;

/** Set by the app shell for the signed-in person; their writes are queued under their id. */
export function setOutboxUser(userId: number | null): void {
  currentUser = userId;
}

export function outboxUser(): number | null {
  return currentUser;
}

export type Submission = Delivery & { clientId: string };

/**
 * Queues a write and sends it at once. A write answered on the first try leaves nothing behind (the form shows
 * its answer); one that is kept shows in the pending list until a replay settles it. With nobody known to be
 * signed in (a page outside the shell), it is sent once without queueing.
 */
export async function submit(write: { kind: OutboxItem["kind"]; url: string; clientId: string; label: string; body: Record<string, unknown> }): Promise<Submission> {
  const userId = currentUser;
  const item: OutboxItem = { ...write, userId: userId ?? 0, createdAt: new Date().toISOString(), state: "pending", attempts: 0, lastAnswer: null };
  if (userId === null || !(await storageWorks())) {
    return { ...(await deliverWithoutStore(item)), clientId: item.clientId };
  }
  await putItem(item);
  const delivery = await deliver(item, messages);
  if (delivery.outcome === "kept") requestBackgroundSync();
  else await deleteItem(item.clientId);
  return { ...delivery, clientId: item.clientId };
}

/** Sends whatever this person has queued; safe to call often. */
export async function replay(): Promise<void> {
  if (currentUser === null) return;
  const left = await flush(currentUser, messages).catch(() => 1);
  if (left > 0) requestBackgroundSync();
}

export async function dismiss(clientId: string): Promise<void> {
  await deleteItem(clientId);
}

function requestBackgroundSync(): void {
  if (!("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(SYNC_TAG))
    .catch(() => undefined);
}

let storage: Promise<boolean> | null = null;
/** Private modes of some browsers refuse IndexedDB; then writes are sent directly, as before the outbox. */
function storageWorks(): Promise<boolean> {
  storage ??= import("./store").then((s) => s.itemsOf(-1)).then(() => true, () => false);
  return storage;
}

async function deliverWithoutStore(item: OutboxItem): Promise<Delivery> {
  try {
    const response = await fetch(item.url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(item.body) });
    const answer = (await response.json().catch(() => null)) as { data?: { message?: string }; error?: string } | null;
    if (response.ok) return { outcome: "sent", status: response.status, message: answer?.data?.message ?? "", data: answer?.data };
    return { outcome: response.status >= 500 ? "kept" : "refused", status: response.status, message: answer?.error ?? messages.server };
  } catch {
    return { outcome: "kept", status: null, message: errors.internal };
  }
}
