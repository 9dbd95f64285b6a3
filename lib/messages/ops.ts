/** What the operator reads on the console: the scripts' and the server's own messages, in both languages. */
export const ops = {
  dataDirBusy: (dir: string, pid: number) =>
    `数据目录 ${dir} 正被进程 ${pid} 使用（可能是正在运行的 npm run dev 或 npm start）。` +
    "请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL 服务器。",
  dataDirUnlockable: (dir: string) => `无法锁定数据目录 ${dir}`,
  pruneDays: "--days 应为不小于 180 的整数 / --days must be an integer of at least 180",
  pruned: (audit: number, days: number, attempts: number, publicAttempts: number, pushQueue: number) =>
    `已删除 ${audit} 条超过 ${days} 天的审计记录、${attempts} 条一天前的登录尝试、${publicAttempts} 条一天前的未登录提交记录、${pushQueue} 条七天未送达的消息提醒。`,
  backedUp: (file: string, where: string) => `已备份 ${where} 到 ${file}`,
  restored: (file: string, where: string) => `已从 ${file} 恢复到 ${where}`,
  restoreNotEmpty: (where: string) =>
    `${where} 不是空的：请恢复到一个新建的空数据库（或空的数据目录），核对后再切换 / ${where} is not empty: restore into a fresh one`,
  backupUsage: "用法 / usage: npm run db:backup [-- 文件]；npm run db:restore -- 文件",
  badEnvironment: (details: string) => `环境变量有误 / invalid environment:\n${details}`,
} as const;
