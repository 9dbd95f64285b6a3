/**
 * `npm run audit:prune [-- --days N]`: deletes audit entries older than N days (180 at least, the default)
 * and sign-in attempts older than a day, in the database named by DATABASE_URL or the embedded one. Meant for
 * a daily cron; relative imports only, so that tsx needs no path mapping.
 */
import path from "node:path";
import { env } from "../env";
import { openPglite, openPostgres, type OpenDb } from "./open";
import { pruneAll } from "./queries/retention";

async function main() {
  const flag = process.argv.indexOf("--days");
  const days = flag > 0 ? Number(process.argv[flag + 1]) : undefined;
  if (days !== undefined && !(Number.isInteger(days) && days >= 180)) {
    console.error("--days 应为不小于 180 的整数 / --days must be an integer of at least 180");
    process.exit(1);
  }
  let open: OpenDb;
  try {
    open = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, 1) : openPglite({ dir: path.join(env.DATA_DIR, "pglite") });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  try {
    await open.migrate();
    const result = await pruneAll(open.db, { days });
    console.log(`已删除 ${result.audit} 条超过 ${days ?? 180} 天的审计记录、${result.loginAttempts} 条一天前的登录尝试。`);
  } finally {
    await open.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
