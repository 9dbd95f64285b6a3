/**
 * `npm run db:seed`: wipes the database named by DATABASE_URL (or the embedded one under DATA_DIR) and
 * writes the demo county afresh. Relative imports only, so that tsx needs no path mapping.
 */
import path from "node:path";
import { env } from "../env";
import { openPglite, openPostgres, type OpenDb } from "./open";
import { demoAccounts, demoPassword, seedDemo } from "./seed";

async function main() {
  let open: OpenDb;
  try {
    open = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, 1) : openPglite({ dir: path.join(env.DATA_DIR, "pglite") });
  } catch (error) {
    // The embedded data directory is locked by a running dev server: its message says what to do.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  try {
    await open.migrate();
    const started = performance.now();
    const counts = await seedDemo(open.db);
    console.log(`已写入示范县演示数据（用时 ${Math.round(performance.now() - started)} ms）：`);
    console.log(
      `  组织 ${counts.nodes} 个（党委 ${counts.committees}、支部 ${counts.branches}、社区 ${counts.communities}、网格 ${counts.grids}），` +
        `用户 ${counts.users} 人（党员 ${counts.members}，已激活 ${counts.activated}），角色 ${counts.roleGrants} 项`,
    );
    console.log(`  演示账号（密码均为 ${demoPassword}）：`);
    for (const a of demoAccounts) console.log(`    ${a.role}  ${a.name}  ${a.phone}`);
    console.log(`  数据库：${env.DATABASE_URL ? "DATABASE_URL" : path.join(env.DATA_DIR, "pglite")}`);
  } finally {
    await open.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
