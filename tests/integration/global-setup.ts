import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "@/db/open";
import { admin, baseName, serverUrl, templateName } from "./pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** Tarball of a migrated PGlite data directory (embedded mode only). */
    pgliteSnapshot: string;
  }
}

/**
 * Migrates once per run so that each test file starts from a copy instead of replaying every migration:
 * a PGlite data-dir snapshot, or a PostgreSQL template database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = templateName(url);
    await admin(url, async (sql) => {
      await sql`drop database if exists ${sql(template)} with (force)`;
      await sql`create database ${sql(template)}`;
    });
    // The app's own migrate path; closing afterwards matters: a template must have no connections.
    const open = openPostgres(serverUrl(url, template), 1);
    try {
      await open.migrate();
    } finally {
      await open.close();
    }
    project.provide("pgliteSnapshot", "");
    return async () => {
      await admin(url, async (sql) => {
        // Also sweep copies left by a worker that crashed before its close().
        const leftovers = await sql<{ datname: string }[]>`
          select datname from pg_database where datname ~ ${`^${baseName(url)}_[0-9a-f]{12}$`}`;
        for (const { datname } of [{ datname: template }, ...leftovers]) {
          await sql`drop database if exists ${sql(datname)} with (force)`;
        }
      });
    };
  }

  const open = openPglite({ snapshot: undefined });
  let file: string;
  try {
    await open.migrate();
    const tarball = await open.pglite!.dumpDataDir("none");
    const dir = await mkdtemp(path.join(os.tmpdir(), "zhibu-pglite-"));
    file = path.join(dir, "migrated.tar");
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await open.close();
  }
  project.provide("pgliteSnapshot", file);
  return () => rm(path.dirname(file), { recursive: true, force: true });
}
