/**
 * `npm run db:backup [-- file]` and `npm run db:restore -- file` (docs/operations.md#backups): the PostgreSQL
 * server named by DATABASE_DIRECT_URL or DATABASE_URL, else the embedded PGlite under DATA_DIR (stop the app
 * first: its data directory is locked while it runs). Relative imports only, so that tsx needs no path mapping.
 */
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "../db/lock";
import { env } from "../env";
import { ops } from "../lib/messages/ops";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "./backup";

const [command, given] = process.argv.slice(2);
const url = env.DATABASE_DIRECT_URL ?? env.DATABASE_URL;
const pgliteDir = path.join(env.DATA_DIR, "pglite");
const where = url ? new URL(url).pathname.slice(1) : pgliteDir;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

async function main() {
  if (command === "backup") {
    const file = given ?? `zhibu-${stamp}.${url ? "dump" : "tar.gz"}`;
    if (url) await backupPostgres(url, file);
    else {
      const release = lockDataDir(pgliteDir);
      const db = new PGlite(pgliteDir);
      try {
        await backupPglite(db, file);
      } finally {
        await db.close();
        release();
      }
    }
    console.log(ops.backedUp(file, where));
  } else if (command === "restore" && given) {
    if (url) await restorePostgres(given, url);
    else await restorePglite(given, pgliteDir);
    console.log(ops.restored(given, where));
  } else {
    console.error(ops.backupUsage);
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
