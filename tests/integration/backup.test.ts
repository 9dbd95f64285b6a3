import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Db, openPostgres } from "@/db/open";
import { checkIn } from "@/db/queries/checkins";
import { loadSessionUser } from "@/db/queries/session";
import { codeFor, stepAt } from "@/lib/checkin-token";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "../../ops/backup";
import { demoCounty } from "./county";
import { admin, baseName, serverUrl } from "./pg-admin";

/**
 * docs/operations.md#backups: a seeded county with activity (a theme day published, members checked in, the
 * audit log written) is backed up the way `npm run db:backup` does, restored into a fresh database the way
 * `npm run db:restore` does, and the two are compared: every table's row count, and a checksum of the whole
 * audit log. On PGlite (its data-directory dump) and, with DATABASE_URL, on PostgreSQL (pg_dump -Fc).
 */
let county: Awaited<ReturnType<typeof demoCounty>>;
const work = mkdtempSync(path.join(os.tmpdir(), "zhibu-backup-"));

beforeAll(async () => {
  county = await demoCounty();
  const { activity } = await county.themeDay({ startsAt: new Date(Date.now() + 10 * 60_000) });
  const roster = await county.db.execute(
    sql`select member_id from attendance where activity_id = ${activity.id} order by member_id limit 5`,
  );
  const step = stepAt(Date.now());
  const code = await codeFor(activity.checkinSecret, activity.id, step);
  for (const row of rowsOf<{ member_id: number }>(roster)) {
    const scope = (await loadSessionUser(county.db, row.member_id))!.scope;
    await checkIn(county.db, scope, { activityId: activity.id, code, step, clientId: randomUUID() });
  }
});

afterAll(async () => {
  await county?.close();
  rmSync(work, { recursive: true, force: true });
});

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Every table's row count, and an md5 over the audit log in id order. */
async function fingerprint(db: Db) {
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`select schemaname as schema, tablename as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`),
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql.raw(`select count(*)::int as n from "${t.schema}"."${t.name}"`)),
    );
    counts[`${t.schema}.${t.name}`] = row.n;
  }
  const [audit] = rowsOf<{ sum: string | null }>(
    await db.execute(sql`select md5(string_agg(a::text, '|' order by a.id)) as sum from audit_log a`),
  );
  return { counts, audit: audit.sum };
}

it("a backup restores into a fresh database with every row and the same audit log", async () => {
  const before = await fingerprint(county.db);
  expect(before.counts["public.audit_log"]).toBeGreaterThan(0);
  expect(before.counts["public.checkins"]).toBe(5);
  const url = process.env.DATABASE_URL;
  if (url) {
    const source = rowsOf<{ name: string }>(await county.db.execute(sql`select current_database() as name`))[0].name;
    const file = path.join(work, "county.dump");
    await backupPostgres(serverUrl(url, source), file);
    const fresh = `${baseName(url)}_restore_${randomBytes(4).toString("hex")}`;
    await admin(url, (s) => s`create database ${s(fresh)}`);
    const restored = openPostgres(serverUrl(url, fresh), 1);
    try {
      await restorePostgres(file, serverUrl(url, fresh));
      expect(await fingerprint(restored.db)).toEqual(before);
      // A second restore over it is refused, never merged.
      await expect(restorePostgres(file, serverUrl(url, fresh))).rejects.toThrow();
    } finally {
      await restored.close();
      await admin(url, (s) => s`drop database if exists ${s(fresh)} with (force)`);
    }
  } else {
    const file = path.join(work, "county.tar.gz");
    const pglite = (county.db as unknown as { $client: PGlite }).$client;
    await backupPglite(pglite, file);
    const dir = path.join(work, "restored");
    await restorePglite(file, dir);
    const reopened = new PGlite(dir);
    try {
      expect(await fingerprint(drizzle(reopened, { casing: "snake_case" }) as unknown as Db)).toEqual(before);
    } finally {
      await reopened.close();
    }
    await expect(restorePglite(file, dir)).rejects.toThrow();
  }
});
