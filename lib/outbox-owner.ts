/**
 * Whose a queued write is. The phone's outbox sends each item with the id of the person who queued it, and
 * the server files it only for that same person: on a shared phone a stale item can never be filed under
 * whoever is signed in now. Pure, so the pages, the service worker and the route wrapper share it.
 */
export const OWNER_HEADER = "x-zhibu-owner";

/** A request without the header (a script, an older page) is the session's own; one with it must match. */
export function ownerMatches(header: string | null, sessionUserId: number): boolean {
  return header === null || header.trim() === String(sessionUserId);
}
