import "server-only";
import path from "node:path";
import { env } from "@/env";
import { type Db, type OpenDb, openPglite, openPostgres } from "./open";
import { seedIfEmpty } from "./seed";

/**
 * The one database client of the app (docs/architecture.md#conventions): postgres.js when DATABASE_URL is set, embedded
 * PGlite under DATA_DIR otherwise. Cached on globalThis so that dev reloads reuse it; migrated (and, on an
 * empty database, seeded with the demo county) before the first query.
 */
type Cached = { open: OpenDb; ready: Promise<Db> };
const cache = globalThis as typeof globalThis & { zhibuDb?: Cached; zhibuReplica?: Db };
const postgresOptions = { prepare: env.DATABASE_PREPARE === "true", directUrl: env.DATABASE_DIRECT_URL };

function start(): Cached {
  const open = env.DATABASE_URL
    ? openPostgres(env.DATABASE_URL, env.DATABASE_POOL, postgresOptions)
    : openPglite({ dir: path.join(env.DATA_DIR, "pglite") });
  const ready = (async () => {
    await open.migrate();
    if (env.SEED_DEMO === "true") await seedIfEmpty(open.db);
    return open.db;
  })();
  // A failed start (say, the data directory is locked) is retried by the next request, not cached.
  ready.catch(() => {
    if (cache.zhibuDb?.ready === ready) cache.zhibuDb = undefined;
    void open.close().catch(() => {});
  });
  return { open, ready };
}

export function getDb(): Promise<Db> {
  cache.zhibuDb ??= start();
  return cache.zhibuDb.ready;
}

/**
 * The hot standby named by DATABASE_REPLICA_URL, or the primary when there is none: for the reads that may be
 * a moment behind (reports, live counts). Whether a request may use it is lib/server/read-db.ts's decision.
 * Never migrated from here: a standby follows the primary's WAL, migrations included.
 */
export async function getReplicaDb(): Promise<Db> {
  if (!env.DATABASE_REPLICA_URL) return getDb();
  cache.zhibuReplica ??= openPostgres(env.DATABASE_REPLICA_URL, env.DATABASE_POOL, postgresOptions).db;
  return cache.zhibuReplica;
}
