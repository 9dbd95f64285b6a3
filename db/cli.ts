import path from "node:path";
import { env } from "../env";
import { type Db, openPglite, openPostgres } from "./open";

/**
 * The frame of every database script (`db:seed`, `audit:prune`): opens the database named by DATABASE_URL
 * or the embedded one under DATA_DIR, migrates it, runs, closes, and turns any failure into one line and
 * exit code 1. A locked embedded directory (a dev server running) says so in its own message.
 */
export function runWithDb(run: (db: Db, where: string) => Promise<void>): void {
  const main = async () => {
    let open: ReturnType<typeof openPglite> | undefined;
    try {
      open = env.DATABASE_URL
        ? openPostgres(env.DATABASE_URL, 1, {
            prepare: env.DATABASE_PREPARE === "true",
            directUrl: env.DATABASE_DIRECT_URL,
          })
        : openPglite({ dir: path.join(env.DATA_DIR, "pglite") });
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
    try {
      await open.migrate();
      await run(open.db, env.DATABASE_URL ? "DATABASE_URL" : path.join(env.DATA_DIR, "pglite"));
    } finally {
      await open.close();
    }
  };
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
