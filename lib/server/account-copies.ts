import "server-only";
import type { Db } from "@/db/open";
import { loadSessionUser, type SessionUser } from "@/db/queries/session";
import { RECHECK_MS } from "../session-policy";

/**
 * The account re-read that every session makes once its minute is up (auth.ts's jwt callback), kept per user
 * for RECHECK_MS in this process: a request whose token is due reuses a read of the same account made by any
 * other request in the last minute, instead of four queries of its own. That matters where the cookie is not
 * renewed — API calls (the secretary's live counts every 5 s) read the token as it was when the page was
 * opened, so without this each call would re-read the account (docs/scaling.md).
 *
 * It keeps the promise of lib/session-policy.ts: the read a session rests on is at most RECHECK_MS old, so a
 * disabled account or a changed role still ends it within that time. A copy only ever confirms a session; it
 * never ends one. When it disagrees with the token (another session version: ended sessions, a role change,
 * or a newer sign-in than the copy), the account is read afresh and that read decides. The key is the
 * token's own user id, so a copy only ever reaches that user's sessions.
 */
const MAX_ENTRIES = 50_000;
type Read = { at: number; user: SessionUser | null };
const copies = new Map<number, Promise<Read>>();

export async function accountRead(
  db: Db,
  userId: number,
  sessionVersion: number | undefined,
  now = Date.now(),
): Promise<Read> {
  const kept = copies.get(userId);
  if (kept) {
    const copy = await kept.catch(() => null);
    if (
      copy &&
      now - copy.at < RECHECK_MS &&
      now >= copy.at &&
      copy.user?.active &&
      copy.user.sessionVersion === sessionVersion
    )
      return copy;
  }
  // No copy, an old one, or one that disagrees: read now, and keep the read for the others.
  if (copies.size >= MAX_ENTRIES) {
    copies.clear(); // a minute's worth of a county's members; the next reads fill it again
  }
  const read = loadSessionUser(db, userId).then((user) => ({ at: now, user }));
  copies.set(userId, read);
  read.catch(() => {
    if (copies.get(userId) === read) copies.delete(userId);
  });
  return read;
}
