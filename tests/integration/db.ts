import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type Db, openPglite, openPostgres } from "@/db/open";
import { admin, baseName, serverUrl, templateName } from "./pg-admin";

/**
 * A clean, migrated database of its own for the caller, copied from what global-setup.ts prepared:
 * a fresh in-memory PGlite, or (with DATABASE_URL) a new database on the server made from the template.
 * Call it in beforeAll/beforeEach and close() it in the matching after hook.
 */
export async function testDb(): Promise<{ db: Db; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) return serverDb(url);
  snapshot ??= readFile(inject("pgliteSnapshot")).then((bytes) => new Blob([bytes]));
  const open = openPglite({ snapshot: await snapshot });
  return { db: open.db, close: open.close };
}

// Read once per worker; PGlite copies the blob into its own memory, so it can be shared.
let snapshot: Promise<Blob> | undefined;

async function serverDb(url: string) {
  const name = `${baseName(url)}_${randomBytes(6).toString("hex")}`;
  await admin(url, (sql) => sql`create database ${sql(name)} template ${sql(templateName(url))}`);
  const open = openPostgres(serverUrl(url, name), 3);
  return {
    db: open.db,
    async close() {
      await open.close();
      await admin(url, (sql) => sql`drop database if exists ${sql(name)} with (force)`);
    },
  };
}
