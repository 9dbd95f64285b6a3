import { isQueued } from "./queued";
import { type Delivery, send, timeoutFor } from "./send";
import { claimItem, deleteItem, getItem, itemsOf, type OutboxItem, putItem } from "./store";

export type { Delivery } from "./send";

/** A "sent" or "refused" item stays this long so the person can read its answer, then it is dropped. */
const KEEP_ANSWERS_MS = 3 * 24 * 3600_000;
/**
 * A server that keeps answering 401, 408 or 429 to the same item has answered: after this many in a row it
 * counts as refused and the person reads why, instead of the item waiting forever.
 */
export const MAX_HELD = 5;

/**
 * The outbox's rule on one answer (send.ts `keeps`), with the limit above: whether the item stays queued,
 * and how many held answers it has had in a row.
 */
export function settle(item: Pick<OutboxItem, "held">, delivery: Delivery): { delivery: Delivery; held: number } {
  if (delivery.outcome !== "kept" || delivery.status === null || delivery.status >= 500) return { delivery, held: 0 };
  const held = (item.held ?? 0) + 1;
  if (held < MAX_HELD) return { delivery, held };
  return { delivery: { outcome: "refused", status: delivery.status, message: delivery.message }, held };
}

/**
 * Sends one item, with its owner's id, and records the answer. Only a definite answer settles it: a 2xx
 * (sent) or any other 4xx (refused); a settled item keeps its answer and loses its contents. Null when the
 * item is not to be tried now: settled or gone meanwhile, or another sender is on it.
 */
export async function deliver(
  queued: OutboxItem,
  messages: { network: string; server: string },
): Promise<Delivery | null> {
  const item = await claimItem(queued.clientId, timeoutFor(queued));
  if (!item) return null;
  const { delivery, held } = settle(
    item,
    await send({ url: item.url, body: item.body, files: item.files, owner: item.userId }, messages),
  );
  const at = new Date().toISOString();
  // A person may have dismissed or the other tab settled it meanwhile; only a still-queued item is updated.
  const current = await getItem(item.clientId);
  if (!current) return delivery;
  const lastAnswer = { status: delivery.status, message: delivery.message, at };
  const answered = { ...current, held, lastAnswer, sendingSince: undefined };
  if (delivery.outcome === "kept") await putItem({ ...answered, state: "pending" });
  else await putItem({ ...answered, state: delivery.outcome, body: {}, files: undefined });
  return delivery;
}

let running: { userId: number; run: Promise<number> } | null = null;

/**
 * Sends every queued item of this person, oldest first, one at a time; returns how many are still queued.
 * Only this person's items are read, so nothing of anyone else is ever sent on their session. Calls for the
 * same person while a run is going join it. Settled items older than a few days are dropped here too.
 */
export async function flush(userId: number, messages: { network: string; server: string }): Promise<number> {
  if (running?.userId === userId) return running.run;
  await running?.run.catch(() => undefined);
  const run = flushNow(userId, messages).finally(() => {
    if (running?.run === run) running = null;
  });
  running = { userId, run };
  return run;
}

async function flushNow(userId: number, messages: { network: string; server: string }): Promise<number> {
  for (const item of await itemsOf(userId)) {
    if (item.userId !== userId) continue;
    if (item.state === "sent" || item.state === "refused") {
      if (Date.now() - Date.parse(item.lastAnswer?.at ?? item.createdAt) > KEEP_ANSWERS_MS)
        await deleteItem(item.clientId);
      continue;
    }
    const delivery = await deliver(item, messages);
    if (!delivery) continue;
    // No network at all: the rest would fail the same way; the next trigger tries again.
    if (delivery.outcome === "kept" && delivery.status === null) break;
  }
  return (await itemsOf(userId)).filter(isQueued).length;
}

/** How many of this person's writes still wait for an answer (asked before signing out). */
export async function queuedCount(userId: number): Promise<number> {
  return (await itemsOf(userId)).filter(isQueued).length;
}
