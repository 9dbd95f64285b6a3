import { PERSON_CACHE_PREFIX } from "@/lib/pwa-caching";
import { PERSON_KEY_PREFIX } from "./person-storage";

/** Whose things this phone holds now: set on each signed-in page, so a change of person is seen. */
const LAST_USER_KEY = `${PERSON_KEY_PREFIX}last-user`;
/** Its name before it was a person key. */
const OLD_LAST_USER_KEY = "zhibu:last-user";

/**
 * Empties every cache that may hold one person's pages or data (lib/pwa-caching.ts). The precache (app shell,
 * offline page, icons) holds nothing personal and stays.
 */
export async function clearPersonCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  // "start-url" is next-pwa's cache of "/" from builds that had it on.
  await Promise.all(
    names
      .filter((name) => name.startsWith(PERSON_CACHE_PREFIX) || name === "start-url")
      .map((name) => caches.delete(name)),
  );
}

/** Every person key in both storages (person-storage.ts), and the old name of the last-user key. */
function clearPersonStorage(): void {
  for (const storage of [localStorage, sessionStorage]) {
    try {
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter(
        (k): k is string => k !== null,
      );
      for (const key of keys)
        if (key.startsWith(PERSON_KEY_PREFIX) || key === OLD_LAST_USER_KEY) storage.removeItem(key);
    } catch {}
  }
}

/** Whose things the phone holds now (the last person a signed-in page was shown to), or null. */
export function lastPersonOnPhone(): string | null {
  try {
    return localStorage.getItem(LAST_USER_KEY);
  } catch {
    return null;
  }
}

/** The outbox keeps only this person's items (none with nobody signed in). */
async function clearOutboxBut(userId: number | null): Promise<void> {
  const { forgetAllBut } = await import("@/components/outbox/store");
  await forgetAllBut(userId);
}

/**
 * Signing out: nothing of this person is left for whoever uses the phone next — their outbox (sent or not;
 * the sign-out button has warned of what was not sent), cached pages, stored keys and push subscription.
 */
export async function forgetPerson(): Promise<void> {
  await clearOutboxBut(null).catch(() => undefined);
  clearPersonStorage();
  await clearPersonCaches().catch(() => undefined);
  await stopPush().catch(() => undefined);
}

/**
 * The phone stops receiving this person's notices (Web Push). The server learns it from the push
 * service, which answers 410 for the old endpoint, and drops the subscription then. Only on signing out:
 * a session that lapses (7 idle days for members) keeps the phone subscribed, or the members who open the
 * app least would silently stop being reminded.
 */
async function stopPush(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager?.getSubscription();
  await subscription?.unsubscribe();
}

/**
 * On every page rendered for a known session (signed in, or signed out: the sign-in page after a session
 * lapsed): the outbox holds nothing of anyone else, and if the person is not the one whose pages and keys
 * are here (a session that lapsed without signing out, then someone else or nobody), those go too.
 */
export async function matchCachesTo(userId: number | null): Promise<void> {
  await clearOutboxBut(userId).catch(() => undefined);
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_USER_KEY) ?? localStorage.getItem(OLD_LAST_USER_KEY);
  } catch {}
  const now = userId === null ? null : String(userId);
  if (last === now) return;
  if (last !== null) {
    clearPersonStorage();
    await clearPersonCaches().catch(() => undefined);
  }
  try {
    if (now !== null) localStorage.setItem(LAST_USER_KEY, now);
  } catch {}
}
