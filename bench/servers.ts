import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The app servers a benchmark starts: each in its own process group, its output in a log file under the
 * temporary directory, and every one of them killed however the benchmark ends (exit, a signal, an error).
 */
const servers = new Set<ChildProcess>();

export function killServers(): void {
  for (const child of servers) {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGKILL"); // the whole group
    } catch {
      // already gone
    }
  }
  servers.clear();
}
process.on("exit", killServers);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    killServers();
    process.exit(130);
  });
}

/**
 * Runs `node <args>` from `cwd` with `env` and waits (up to 120 s) until `ready()` says it answers; throws,
 * naming the log file, if it exits or does not get ready.
 */
export async function startServer(options: {
  name: string;
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  ready: () => Promise<boolean>;
  log: (...parts: unknown[]) => void;
}): Promise<ChildProcess> {
  const { name, log } = options;
  const logFile = path.join(os.tmpdir(), `zhibu-bench-${name}.log`);
  const out = openSync(logFile, "w");
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", out, out],
    env: options.env,
  });
  servers.add(child);
  log(`${name} pid ${child.pid}, log ${logFile}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    if (await options.ready().catch(() => false)) return child;
    if (Date.now() > deadline) throw new Error(`${name} not ready after 120 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Asks a server to stop (it writes a --cpu-prof profile if asked for one), then makes sure. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    try {
      process.kill(-child.pid, "SIGKILL"); // whatever of the group is left
    } catch {
      // all gone
    }
  }
  servers.delete(child);
}
