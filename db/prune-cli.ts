/**
 * `npm run audit:prune [-- --days N]`: deletes audit entries older than N days (180 at least, the default)
 * and sign-in attempts older than a day, in the database named by DATABASE_URL or the embedded one. Meant for
 * a daily cron; relative imports only, so that tsx needs no path mapping.
 */
import { runWithDb } from "./cli";
import { pruneAll } from "./queries/retention";

const flag = process.argv.indexOf("--days");
const days = flag > 0 ? Number(process.argv[flag + 1]) : undefined;
if (days !== undefined && !(Number.isInteger(days) && days >= 180)) {
  console.error("--days 应为不小于 180 的整数 / --days must be an integer of at least 180");
  process.exit(1);
}

runWithDb(async (db) => {
  const result = await pruneAll(db, { days });
  console.log(`已删除 ${result.audit} 条超过 ${days ?? 180} 天的审计记录、${result.loginAttempts} 条一天前的登录尝试。`);
});
