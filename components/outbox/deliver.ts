import { isQueued } from "./queued";
import { deleteItem, getItem, itemsOf, putItem, type OutboxItem } from "./store";

/** Long enough for a slow mobile network, short enough that a member at the door is not kept waiting. */
const SEND_TIMEOUT_MS = 8_000;
/** A "sent" or "refused" item stays this long so the person can read its answer, then it is dropped. */
const KEEP_ANSWERS_MS = 3 * 24 * 3600_000;

export type Delivery =
  | { outcome: "sent"; status: number; message: string; data: unknown }
  | { outcome: "refused"; status: number; message: string; fields?: Record<string, string> }
  | { outcome: "kept"; status: number | null; message: string };

/**
 * Sends one item. Only a definite answer settles it: a 2xx (sent) or a 4xx that says why (refused). A network
 * error, a time-out, a 5xx, or a 401 (the session lapsed; signing in again lets it through) keep it queued.
 */
export async function deliver(item: OutboxItem, messages: { network: string; server: string }): Promise<Delivery> {
  await putItem({ ...item, state: "sending", attempts: item.attempts + 1 });
  const delivery = await post(item, messages);
  const at = new Date().toISOString();
  // A person may have dismissed or the other tab settled it meanwhile; only a still-queued item is updated.
  const current = await getItem(item.clientId);
  if (!current) return delivery;
  const lastAnswer = { status: delivery.status, message: delivery.message, at };
  await putItem({ ...current, state: delivery.outcome === "kept" ? "pending" : delivery.outcome, lastAnswer });
  return delivery;
}

async function post(item: OutboxItem, messages: { network: string; server: string }): Promise<Delivery> {
  let response: Response;
  try {
    response = await fetch(item.url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(item.body),
      credentials: "same-origin",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch {
    return { outcome: "kept", status: null, message: messages.network };
  }
  const answer = (await response.json().catch(() => null)) as { ok?: boolean; data?: { message?: string }; error?: string; fields?: Record<string, string> } | null;
  if (response.ok) return { outcome: "sent", status: response.status, message: answer?.data?.message ?? "", data: answer?.data };
  if (response.status >= 500 || response.status === 401 || response.status === 408 || response.status === 429) {
    return { outcome: "kept", status: response.status, message: answer?.error ?? messages.server };
  }
  return { outcome: "refused", status: response.status, message: answer?.error ?? messages.server, fields: answer?.fields };
}

let running: Promise<number> | null = null;

/**
 * Sends every queued item of this person, oldest first, one at a time; returns how many are still queued.
 * Calls while one run is going join it. Settled items older than a few days are dropped here too.
 */
export function flush(userId: number, messages: { network: string; server: string }): Promise<number> {
  running ??= (async () => {
    try {
      for (const item of await itemsOf(userId)) {
        if (item.state === "sent" || item.state === "refused") {
          if (Date.now() - Date.parse(item.lastAnswer?.at ?? item.createdAt) > KEEP_ANSWERS_MS) await deleteItem(item.clientId);
          continue;
        }
        const delivery = await deliver(item, messages);
        // No network at all: the rest would fail the same way; the next trigger tries again.
        if (delivery.outcome === "kept" && delivery.status === null) break;
      }
      return (await itemsOf(userId)).filter(isQueued).length;
    } finally {
      running = null;
    }
  })();
  return running;
}
