import "server-only";
import { getReplicaDb } from "@/db";
import type { Db } from "@/db/open";
import { env } from "@/env";

/**
 * Which database a read that may be a moment behind (reports, live counts) goes to (docs/operations.md#replica).
 *
 * With DATABASE_REPLICA_URL set such reads go to the hot standby, except for a person who has just written:
 * every successful write answers with a short-lived cookie, and while the browser still sends it that
 * person's reads go to the primary, so they see what they wrote even when the replica is behind. The cookie
 * says nothing about who they are (its value is "1"); it only chooses the server. Any instance sets it and
 * any instance honours it, so it needs no sticky sessions. A replica behind by more than
 * DATABASE_REPLICA_AFTER_WRITE_SECONDS is visible on /api/health (lib/server/health.ts).
 */
export const WROTE_COOKIE = "zhibu-wrote";

export const replicaConfigured = (): boolean => Boolean(env.DATABASE_REPLICA_URL);

/** The Set-Cookie value a successful write answers with, or null without a replica. */
export function wroteCookie(): string | null {
  if (!replicaConfigured() || env.DATABASE_REPLICA_AFTER_WRITE_SECONDS === 0) return null;
  return `${WROTE_COOKIE}=1; Max-Age=${env.DATABASE_REPLICA_AFTER_WRITE_SECONDS}; Path=/; HttpOnly; SameSite=Lax`;
}

/** Whether this request (its Cookie header) came from someone who wrote within the last few seconds. */
export function wroteRecently(cookieHeader: string | null): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((part) => part.trim() === `${WROTE_COOKIE}=1`);
}

/** The replica for this request, or undefined when its reads must go to the primary. */
export async function replicaFor(cookieHeader: string | null): Promise<Db | undefined> {
  if (!replicaConfigured() || wroteRecently(cookieHeader)) return undefined;
  return getReplicaDb();
}
