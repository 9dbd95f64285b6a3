import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { ops } from "../lib/messages/ops";

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes. The first
 * process writes its pid into `<dir>.lock`; a second one finds a live pid there and stops with a message.
 * A lock left by a process that died is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(path.dirname(dir), { recursive: true });
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockFile, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (holder === process.pid) return () => {};
      if (isAlive(holder)) {
        throw new Error(ops.dataDirBusy(dir, holder));
      }
      rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(ops.dataDirUnlockable(dir));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
