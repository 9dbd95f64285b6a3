import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { ops } from "../lib/messages/ops";

/**
 * Backups of both databases (docs/operations.md#backups): a PostgreSQL server with pg_dump's custom format
 * (compressed, restorable table by table with pg_restore), the embedded PGlite with its own dump of the data
 * directory (a gzipped tar that PGlite loads back). A restore goes into an empty database only: it never
 * overwrites one that holds data, so a wrong command cannot destroy the live county.
 */
const run = promisify(execFile);

/** pg_dump of the database at `url` into `file`. Give it the primary itself, not PgBouncer in transaction mode. */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`], {
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** pg_restore of `file` into the empty database at `url`, in one transaction: all of it or nothing. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    if (row.n > 0) throw new Error(ops.restoreNotEmpty(new URL(url).pathname.slice(1)));
  } finally {
    await sql.end({ timeout: 5 });
  }
  await run(
    "pg_restore",
    ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${url}`, file],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

/** PGlite's dump of an open database (the CLI opens the data directory, so the app must not be running). */
export async function backupPglite(db: PGlite, file: string): Promise<void> {
  const dump = await db.dumpDataDir("gzip");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
}

/** Loads a PGlite dump into `dir`, which must not exist yet or be empty. */
export async function restorePglite(file: string, dir: string): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(ops.restoreNotEmpty(dir));
  const db = new PGlite(dir, { loadDataDir: new Blob([readFileSync(file)]) });
  await db.waitReady;
  await db.close();
}
