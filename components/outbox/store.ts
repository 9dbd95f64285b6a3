import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { WriteFile } from "./send";

/**
 * The outbox's IndexedDB store, shared by the pages and the service worker (worker/index.ts), so it imports
 * nothing from React or the DOM beyond what both have.
 */
export type OutboxState = "pending" | "sending" | "sent" | "refused";

export interface OutboxAnswer {
  status: number | null;
  message: string;
  at: string;
}

export interface OutboxItem {
  /** Also the request's own clientId: the server answers a replay with the first answer. */
  clientId: string;
  /** Whose write this is: it is only ever sent while that person is signed in. */
  userId: number;
  kind: "checkin" | "leave" | "hours";
  /** A short line for the pending list ("党课 · 签到码 123456"). */
  label: string;
  url: string;
  /** The write itself; dropped, with its files, once it has its answer: only the answer is kept to show. */
  body: Record<string, unknown>;
  files?: Record<string, WriteFile>;
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** When the current try began (state "sending"); a try older than its time-out was lost with its page. */
  sendingSince?: string;
  /** Answers in a row that kept it although the server did answer (401, 408, 429): it is not tried forever. */
  held?: number;
  lastAnswer: OutboxAnswer | null;
}

interface OutboxDb extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { byUser: number } };
}

const NAME = "zhibu-outbox";
/** Tells every tab (and the service worker's pages) that the outbox changed. */
export const OUTBOX_CHANNEL = "zhibu-outbox";
/** The Background Sync tag the pages register and the service worker answers. */
export const SYNC_TAG = "zhibu-outbox";

let opening: Promise<IDBPDatabase<OutboxDb>> | null = null;

function db(): Promise<IDBPDatabase<OutboxDb>> {
  opening ??= openDB<OutboxDb>(NAME, 1, {
    upgrade(database) {
      const items = database.createObjectStore("items", { keyPath: "clientId" });
      items.createIndex("byUser", "userId");
    },
  });
  return opening;
}

export async function putItem(item: OutboxItem): Promise<void> {
  await (await db()).put("items", item);
  announce();
}

/**
 * Takes an item for one try, in one transaction, so that two senders (a page and the service worker's
 * Background Sync, both woken by the network coming back) never upload the same write twice at once.
 * Null when it is gone, settled, or being sent by someone else within `timeoutMs`.
 */
export async function claimItem(clientId: string, timeoutMs: number): Promise<OutboxItem | null> {
  const tx = (await db()).transaction("items", "readwrite");
  const item = await tx.store.get(clientId);
  const now = Date.now();
  const busy =
    item?.state === "sending" && item.sendingSince !== undefined && now - Date.parse(item.sendingSince) < timeoutMs;
  if (!item || item.state === "sent" || item.state === "refused" || busy) {
    await tx.done;
    return null;
  }
  const claimed: OutboxItem = {
    ...item,
    state: "sending",
    attempts: item.attempts + 1,
    sendingSince: new Date(now).toISOString(),
  };
  await tx.store.put(claimed);
  await tx.done;
  announce();
  return claimed;
}

export async function getItem(clientId: string): Promise<OutboxItem | undefined> {
  return (await db()).get("items", clientId);
}

export async function itemsOf(userId: number): Promise<OutboxItem[]> {
  const items = await (await db()).getAllFromIndex("items", "byUser", userId);
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function deleteItem(clientId: string): Promise<void> {
  await (await db()).delete("items", clientId);
  announce();
}

/**
 * Deletes every item that is not this person's, or every item with nobody signed in: a person's writes,
 * sent or not, never outlive their session on this phone. Returns how many went.
 */
export async function forgetAllBut(userId: number | null): Promise<number> {
  const tx = (await db()).transaction("items", "readwrite");
  let gone = 0;
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.userId === userId) continue;
    await cursor.delete();
    gone += 1;
  }
  await tx.done;
  if (gone > 0) announce();
  return gone;
}

function announce(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage("changed");
  channel.close();
}
