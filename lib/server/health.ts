import "server-only";
import { getDb, getReplicaDb } from "@/db";
import { primaryPosition, replicaLag } from "@/db/queries/health";
import { env } from "@/env";
import { logError } from "../log";

/** A database that has not answered within this is reported as not answering. */
const TIMEOUT_MS = 2_000;

export interface Health {
  database: { ok: boolean; ms: number };
  replica:
    | { configured: false }
    | { configured: true; ok: boolean; ms: number; lagBytes?: number; lagSeconds?: number; behind?: boolean };
}

/**
 * GET /api/v1/health (docs/operations.md#health): whether the primary and the replica answer, and how far the
 * replica is behind. `behind` says that its lag exceeds the seconds during which a writer's own reads go
 * to the primary (DATABASE_REPLICA_AFTER_WRITE_SECONDS): past that, someone could read a report older than
 * their own write. An instance whose primary does not answer throws, so the answer is a 500 and a balancer's
 * check takes it out; a replica that does not answer is reported, not a failure of the instance.
 */
export async function health(): Promise<Health> {
  const started = performance.now();
  const primary = await timed(getDb().then(primaryPosition));
  const database = { ok: true, ms: Math.round(performance.now() - started) };
  if (!env.DATABASE_REPLICA_URL) return { database, replica: { configured: false } };
  const replicaStarted = performance.now();
  try {
    const lag = await timed(getReplicaDb().then((replica) => replicaLag(replica, primary.lsn)));
    const ms = Math.round(performance.now() - replicaStarted);
    const behind = lag.lagSeconds > env.DATABASE_REPLICA_AFTER_WRITE_SECONDS;
    return { database, replica: { configured: true, ok: lag.inRecovery, ms, ...lag, behind } };
  } catch (error) {
    logError("replica health check failed", error);
    return { database, replica: { configured: true, ok: false, ms: Math.round(performance.now() - replicaStarted) } };
  }
}

function timed<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
