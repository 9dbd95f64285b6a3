/**
 * `npm run db:seed`: wipes the database named by DATABASE_URL (or the embedded one under DATA_DIR) and
 * writes the demo county afresh. Relative imports only, so that tsx needs no path mapping.
 */
import { runWithDb } from "./cli";
import { demoAccounts, demoPassword, seedDemo } from "./seed";

runWithDb(async (db, where) => {
  const started = performance.now();
  const counts = await seedDemo(db);
  console.log(`已写入示范县演示数据（用时 ${Math.round(performance.now() - started)} ms）：`);
  console.log(
    `  组织 ${counts.nodes} 个（党委 ${counts.committees}、支部 ${counts.branches}、社区 ${counts.communities}、网格 ${counts.grids}），` +
      `用户 ${counts.users} 人（党员 ${counts.members}，已激活 ${counts.activated}），角色 ${counts.roleGrants} 项`,
  );
  console.log(`  演示账号（密码均为 ${demoPassword}）：`);
  for (const a of demoAccounts) console.log(`    ${a.role}  ${a.name}  ${a.phone}`);
  console.log(`  数据库：${where}`);
});
