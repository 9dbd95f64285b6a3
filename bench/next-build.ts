import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

/**
 * `next build --webpack` into `env.NEXT_DIST_DIR`, for the benchmarks. The build rewrites next-env.d.ts (and
 * may add its dist dir to tsconfig.json); both are put back so a benchmark leaves the tree as it found it.
 * No DATABASE_URL: building must never touch a database server.
 */
export function buildNext(root: string, env: NodeJS.ProcessEnv, log: (...parts: unknown[]) => void): void {
  const keep = ["next-env.d.ts", "tsconfig.json"].map((file) => {
    const full = path.join(root, file);
    return { full, before: existsSync(full) ? readFileSync(full, "utf8") : null };
  });
  log(`building for production into ${env.NEXT_DIST_DIR ?? ".next"} …`);
  const started = performance.now();
  const buildEnv = { ...env };
  delete buildEnv.DATABASE_URL;
  const run = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build", "--webpack"], {
    cwd: root,
    env: buildEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (const { full, before } of keep) {
    if (before !== null && readFileSync(full, "utf8") !== before) writeFileSync(full, before);
  }
  if (run.status !== 0) throw new Error(`next build failed (exit ${run.status})`);
  log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
