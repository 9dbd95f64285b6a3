/**
 * `npm run audit:prune [-- --days N]`: deletes audit entries older than N days (180 at least, the default)
 * and sign-in attempts older than a day, in the database named by DATABASE_URL or the embedded one. Meant for
 * a daily cron; relative imports only, so that tsx needs no path mapping.
 */
import { ops } from "../lib/messages/ops";
import { runWithDb } from "./cli";
import { pruneAll } from "./queries/retention";

const flag = process.argv.indexOf("--days");
const days = flag > 0 ? Number(process.argv[flag + 1]) : undefined;
if (days !== undefined && !(Number.isInteger(days) && days >= 180)) {
  console.error(ops.pruneDays);
  process.exit(1);
}

runWithDb(async (db) => {
  const result = await pruneAll(db, { days });
  console.log(ops.pruned(result.audit, days ?? 180, result.loginAttempts, result.publicAttempts, result.pushQueue));
});
