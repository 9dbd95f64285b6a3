import { PERSON_CACHE_PREFIX } from "@/lib/pwa-caching";

const LAST_USER_KEY = "zhibu:last-user";

/**
 * Empties every cache that may hold one person's pages or data (lib/pwa-caching.ts). The precache (app shell,
 * offline page, icons) holds nothing personal and stays.
 */
export async function clearPersonCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  // "start-url" is next-pwa's cache of "/" from builds that had it on.
  await Promise.all(names.filter((name) => name.startsWith(PERSON_CACHE_PREFIX) || name === "start-url").map((name) => caches.delete(name)));
}

/** Before signing out: nothing of this person is left for whoever uses the phone next. */
export async function forgetPerson(): Promise<void> {
  try {
    localStorage.removeItem(LAST_USER_KEY);
  } catch {}
  await clearPersonCaches().catch(() => undefined);
  await stopPush().catch(() => undefined);
}

/**
 * The phone stops receiving this person's notices (issue 8, Web Push). The server learns it from the push
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
 * On every page: if the person signed in is not the one whose pages are cached (a session that lapsed without
 * signing out, then someone else signed in), the old copies go.
 */
export async function matchCachesTo(userId: number | null): Promise<void> {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_USER_KEY);
  } catch {}
  const now = userId === null ? null : String(userId);
  if (last === now) return;
  if (last !== null) await clearPersonCaches().catch(() => undefined);
  try {
    if (now === null) localStorage.removeItem(LAST_USER_KEY);
    else localStorage.setItem(LAST_USER_KEY, now);
  } catch {}
}
