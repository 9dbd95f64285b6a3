import { openDB, type DBSchema, type IDBPDatabase } from "idb";

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
  body: Record<string, unknown>;
  createdAt: string;
  state: OutboxState;
  attempts: number;
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

function announce(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(OUTBOX_CHANNEL);
  channel.postMessage("changed");
  channel.close();
}
