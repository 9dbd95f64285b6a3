import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { PRIVACY_VERSION } from "@/lib/privacy";
import { openPostgres } from "../db/open";
import { codeFor, stepAt } from "../lib/checkin-token";
import { prng } from "../lib/prng";
import { type BenchCounty, type SeededActivity, type SeededMember, seedCounty } from "./county";
import { cpuMs, groupPids, machineCpuMs } from "./cpu";

/**
 * What the benchmarks against a PostgreSQL server share: the benchmark county in a fresh database, its
 * members' sessions and check-in codes as their phones would have them, and the accounting of where a run's
 * CPU went (bench:checkin, bench:start).
 */

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** DATABASE_URL (default the local server, user postgres) with another database name. */
export function databaseUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Drops and creates `database`, migrates it the app's way and seeds the benchmark county whose theme day
 * starts at `county.startsAt`; returns a client on it (application_name zhibu-bench, which `accounted`
 * leaves out of the server's backends) and the seeded members and activities.
 */
export async function freshCounty(
  database: string,
  county: BenchCounty,
  pool: number,
): Promise<{ sql: postgres.Sql; members: SeededMember[]; activities: SeededActivity[] }> {
  const admin = postgres(databaseUrl("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.unsafe(`create database ${database}`);
  await admin.end();
  const open = openPostgres(databaseUrl(database), 1);
  await open.migrate();
  await open.close();
  const sql = postgres(databaseUrl(database), {
    max: pool,
    onnotice: () => {},
    connection: { application_name: "zhibu-bench" },
  });
  return { sql, ...(await seedCounty(sql, county)) };
}

/**
 * A member's session cookie, minted as next-auth would after sign-in, its account checked just now; with
 * `signedInAgo` as a member who signed in that long ago and last opened the app then (the account checked,
 * and the session seen, at sign-in); `token` overrides fields (a secretary's scope).
 */
export async function sessionCookie(
  member: SeededMember,
  secret: string,
  options: { signedInAgo?: number; token?: Record<string, unknown> } = {},
): Promise<{ cookie: string; checked: number }> {
  const checked = Date.now() - (options.signedInAgo ?? 0);
  const times = options.signedInAgo ? { since: checked, seen: checked } : {};
  const token = await encode({
    secret,
    maxAge: 7 * 24 * 3600,
    token: {
      uid: member.userId,
      sv: 0,
      // The notice version the account had acknowledged at its last read (bench/county.ts acknowledges it).
      pv: PRIVACY_VERSION,
      name: member.name,
      scope: {
        userId: member.userId,
        grants: [],
        member: { branchId: member.branchId, branchPath: member.branchPath },
      },
      checked,
      ...times,
      ...options.token,
    },
  });
  return { cookie: `next-auth.session-token=${token}`, checked };
}

/**
 * Session cookies minted in order, at most `ahead` beyond the last one taken (about 0.2 ms of this
 * process's CPU each, so it keeps far ahead of any server). `ready` when the first `ahead` are there.
 */
export function sessionMinter(members: SeededMember[], ahead: number, secret: string) {
  const minted: { cookie: string; checked: number }[] = [];
  let taken = 0;
  let stopped = false;
  let resolveReady = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  void (async () => {
    while (!stopped && minted.length < members.length) {
      if (minted.length - taken >= ahead) {
        resolveReady();
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const batch = members.slice(minted.length, minted.length + 100);
      minted.push(...(await Promise.all(batch.map((member) => sessionCookie(member, secret)))));
    }
    resolveReady();
  })();
  return {
    ready,
    take(i: number) {
      taken = i + 1;
      const session = minted[i];
      if (!session) throw new Error(`session ${i} not minted yet: the minter fell behind`);
      return session;
    },
    stop: () => {
      stopped = true;
    },
  };
}

/** Codes of every activity for the steps around now, refreshed in the background as the clock moves on. */
export function codeBook(activities: { id: number; secret: string }[]) {
  const book = new Map<number, Map<number, string>>();
  const fill = async (step: number) => {
    if (book.has(step)) return;
    const codes = new Map<number, string>();
    for (const a of activities) codes.set(a.id, await codeFor(a.secret, a.id, step));
    book.set(step, codes);
    book.delete(step - 4);
  };
  const refresh = async () => {
    const now = stepAt(Date.now());
    for (let s = now; s <= now + 2; s++) await fill(s);
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    async start() {
      await refresh();
      timer = setInterval(() => void refresh(), 1000);
    },
    stop: () => clearInterval(timer),
    /** The current step and its code; the previous step if this one is not ready (±1 step is accepted). */
    scan(activityId: number): { step: number; code: string } {
      const step = stepAt(Date.now());
      for (const s of [step, step - 1, step + 1]) {
        const code = book.get(s)?.get(activityId);
        if (code) return { step: s, code };
      }
      throw new Error(`no code for step ${step}`);
    },
  };
}

/** A deterministic shuffle, so that all branches check in at once as on the day. */
export function shuffled<T>(items: T[], seed = 2026): T[] {
  const out = [...items];
  const { next } = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Runs one load and says where the CPU went: the server's processes, the database backends serving it,
 * this load generator, and everything else on the machine (other people's builds and tests share it).
 */
export async function accounted<T extends { requests: number; seconds: number }>(
  sql: postgres.Sql,
  server: ChildProcess,
  run: () => Promise<T>,
) {
  // Processes that appear during the run (a pool opening connections lazily) count from their start.
  const serverPids = () => (server.pid ? groupPids(server.pid) : []);
  const backendPids = async () =>
    (
      await sql<
        { pid: number }[]
      >`select pid from pg_stat_activity where datname = current_database() and application_name <> 'zhibu-bench'`
    ).map((r) => r.pid);
  const snapshot = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuMs([pid])]));
  const spent = (before: Map<number, number>, pids: number[]) =>
    [...new Set([...before.keys(), ...pids])].reduce(
      (sum, pid) => sum + Math.max(0, cpuMs([pid]) - (before.get(pid) ?? 0)),
      0,
    );
  const before = {
    server: snapshot(serverPids()),
    db: snapshot(await backendPids()),
    self: process.cpuUsage(),
    machine: machineCpuMs(),
    load: os.loadavg()[0],
  };
  const result = await run();
  const backends = await backendPids();
  const web = spent(before.server, serverPids());
  const db = spent(before.db, backends);
  const selfUsage = process.cpuUsage(before.self);
  const self = (selfUsage.user + selfUsage.system) / 1000;
  const machine = machineCpuMs() - before.machine;
  const per = (ms: number) => round(ms / result.requests, 3);
  const cpu = {
    server_ms: per(web),
    db_ms: per(db),
    generator_ms: per(self),
    /** Cores' worth of CPU that others used during the run (2 = the whole machine). */
    others_cores: round(Math.max(0, machine - web - db - self) / 1000 / result.seconds, 2),
    load_before: round(before.load, 2),
    db_backends: backends.length,
  };
  return { ...result, cpu };
}
