/**
 * Extra service-worker code that next-pwa bundles and imports into sw.js: Web Push (./push.ts) and the outbox's
 * Background Sync
 * (docs/architecture.md#offline). Chromium wakes the worker with a `sync` event once the network is back, even with the
 * app
 * closed; it replays the signed-in person's queued writes with the same code the pages use.
 */
import { flush } from "../components/outbox/deliver";
import { SYNC_TAG } from "../components/outbox/store";
import { errors } from "../lib/messages/errors";
import { pwa } from "../lib/messages/pwa";
import "./push";

interface SyncEvent extends Event {
  tag: string;
  waitUntil(work: Promise<unknown>): void;
}

const worker = self as unknown as { addEventListener(type: "sync", listener: (event: SyncEvent) => void): void };

worker.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(replay());
});

async function replay(): Promise<void> {
  // Only the person signed in now may send their own items; anyone else's wait for them to sign in again.
  const session = await fetch("/api/auth/session", { credentials: "same-origin" }).then(
    (r) => r.json() as Promise<{ user?: { id?: number } }>,
  );
  const userId = session.user?.id;
  if (typeof userId !== "number") return;
  const left = await flush(userId, { network: pwa.queued, server: errors.internal });
  // A rejected promise asks the browser to try this sync again later.
  if (left > 0) throw new Error(`${left} outbox items still queued`);
}
