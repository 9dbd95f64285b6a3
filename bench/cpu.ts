import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time actually spent by some processes (Linux /proc), so that a run can report CPU milliseconds per
 * request beside its throughput. Throughput on a shared two-core machine moves with whatever else runs;
 * CPU per request does not, which makes it the figure to compare changes by.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): { pgrp: number; cpuMs: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // After "pid (comm) ": state=0 ppid=1 pgrp=2 … utime=11 stime=12
    return { pgrp: Number(fields[2]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** Every process of a process group (a detached server and whatever it forked). */
export function groupPids(pgrp: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && stat(pid)?.pgrp === pgrp) pids.push(pid);
  }
  return pids;
}

/** Total user + system CPU of these processes so far, in ms (a process that is gone counts 0). */
export function cpuMs(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (stat(pid)?.cpuMs ?? 0), 0);
}

/** Machine-wide CPU so far (all cores, busy time), in ms, and how many cores. */
export function machineCpuMs(): number {
  const [line] = readFileSync("/proc/stat", "utf8").split("\n");
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}
