import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { withAfterCommit } from "./after-commit";
import { lockDataDir } from "./lock";

/** The database every query takes: PGlite and postgres.js share this interface, and so does a transaction. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface OpenDb {
  db: Db;
  /** Applies pending migrations; safe to call from several processes at once on a PostgreSQL server. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, when it is one (tests snapshot a migrated database with it). */
  pglite?: PGlite;
}

export const migrationsFolder = path.join(process.cwd(), "db/migrations");
const options = { casing: "snake_case" } as const;

export interface PostgresOptions {
  /** Named prepared statements; off behind a PgBouncer < 1.21 in transaction mode (docs/operations.md). */
  prepare?: boolean;
  /** The primary without a pooler, for the migration's session lock (docs/operations.md). */
  directUrl?: string;
}

/** PostgreSQL server through postgres.js. */
export function openPostgres(url: string, max = 10, { prepare = true, directUrl }: PostgresOptions = {}): OpenDb {
  const client = postgres(url, { max, prepare, onnotice: () => {} });
  const db = withAfterCommit(drizzlePostgres(client, options));
  return {
    db,
    async migrate() {
      // Several app instances may start together: one migrates, the others wait for it. One connection of
      // its own, so the session-level lock and drizzle's migration transaction share it; ending it unlocks.
      const conn = postgres(directUrl ?? url, { max: 1, onnotice: () => {} });
      try {
        await conn`select pg_advisory_lock(hashtext('zhibu-migrate'))`;
        await migratePostgres(drizzlePostgres(conn, options), { migrationsFolder });
      } finally {
        await conn.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Embedded PGlite: on disk under `dir` (locked against a second process), or in memory from a snapshot. */
export function openPglite(source: { dir: string } | { snapshot?: Blob }): OpenDb {
  const release = "dir" in source ? lockDataDir(source.dir) : () => {};
  const client = "dir" in source ? new PGlite(source.dir) : new PGlite({ loadDataDir: source.snapshot });
  const db = withAfterCommit(drizzlePglite(client, options));
  return {
    db,
    migrate: () => migratePglite(db, { migrationsFolder }),
    async close() {
      await client.close();
      release();
    },
    pglite: client,
  };
}
