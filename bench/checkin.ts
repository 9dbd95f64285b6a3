/**
 * `npm run bench:checkin` — the check-in burst of a county (docs/architecture.md#budgets).
 *
 * 1. A fresh database `zhibu_bench` on the PostgreSQL server of DATABASE_URL (default 127.0.0.1:5432, user
 *    postgres), migrated the app's way, seeded with 20,000 members in 400 branches and a theme day each.
 * 2. A production build in .next-bench (BENCH_SKIP_BUILD=1 reuses the last one), served as `npm start`
 *    serves it (server.mjs: the check-in answered before Next's router) on 127.0.0.1:3900 against that
 *    database.
 * 3. Every member checks in once through POST /api/v1/checkins, 200 connections at a time, each with a
 *    session cookie minted as next-auth would and the code of the current step from codeFor.
 * 4. Two framework baselines on the same server (the same route answering 405 without running app code,
 *    and next-auth's own session endpoint); the same check-ins again through Next's router (`next start`,
 *    the route handler of app/api/v1/checkins) on a reset roster; then the database baseline: the same
 *    number of rows inserted directly with postgres.js into a scratch copy of the table, 200 at a time.
 * 5. Counts from the database: duplicates and missing check-ins must be 0. Prints the JSON and writes
 *    bench/results/checkin.json. The server is killed at the end, however the run ends.
 *
 * Settings (environment): BENCH_MEMBERS (20000), BENCH_BRANCHES (400), BENCH_CONNECTIONS (200),
 * BENCH_PORT (3900; Next's own server uses the next port), BENCH_DIST_DIR (.next-bench), BENCH_SKIP_BUILD,
 * BENCH_FRAMEWORK=0 and BENCH_ROUTER=0 skip step 4's framework runs and the run through Next's router,
 * BENCH_INSTANCES (1), DATABASE_POOL is passed on to the server.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type postgres from "postgres";
import { stepAt } from "../lib/checkin-token";
import type { SeededMember } from "./county";
import { cpuMs } from "./cpu";
import { type LoadRequest, load } from "./load";
import {
  accounted,
  codeBook,
  databaseUrl,
  freshCounty,
  round,
  sessionCookie,
  sessionMinter,
  shuffled,
} from "./members";
import { buildNext } from "./next-build";
import { killServers, startServer, stopServer } from "./servers";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const MEMBERS = number("BENCH_MEMBERS", 20_000);
const BRANCHES = number("BENCH_BRANCHES", 400);
const CONNECTIONS = number("BENCH_CONNECTIONS", 200);
const PORT = number("BENCH_PORT", 3900);
const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const FRAMEWORK_RUNS = process.env.BENCH_FRAMEWORK !== "0";
const ROUTER = process.env.BENCH_ROUTER !== "0";
const INSTANCES = number("BENCH_INSTANCES", 1);
const BASELINE_POOL = number("BENCH_BASELINE_POOL", 20);
const MINT_AHEAD = 3_000;
const AUTH_SECRET = randomBytes(32).toString("base64url");
const HOST = `127.0.0.1:${PORT}`;
const ORIGIN = `http://${HOST}`;

const BENCH_URL = databaseUrl("zhibu_bench");

const log = (...parts: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  return env;
}

function build() {
  buildNext(root, { ...serverEnv(), AUTH_SECRET }, log);
}

/**
 * The app as `npm start` serves it (server.mjs), or with `router` Next's own `next start`, where the check-in
 * goes through Next's router to the route handler. Several instances share the port through node:cluster
 * (bench/cluster.ts), as separate deployments would.
 */
const startApp = (port: number, router = false) => {
  const script = router
    ? [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"]
    : [path.join(root, "server.mjs")];
  const args =
    INSTANCES > 1 ? ["--import", "tsx", path.join(root, "bench/cluster.ts"), String(INSTANCES), ...script] : script;
  // BENCH_NODE_ARGS reach only the servers' node (say, --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return startServer({
    name: `${router ? "next-start" : "server"}-${port}`,
    cwd: root,
    args: [...nodeArgs, ...args],
    env: {
      ...serverEnv(),
      DATABASE_URL: BENCH_URL,
      AUTH_SECRET,
      SEED_DEMO: "false",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    // GET /api/v1/checkins answers 405 once Next is up (and has run instrumentation.ts).
    ready: async () => (await fetch(`http://127.0.0.1:${port}/api/v1/checkins`)).status === 405,
    log,
  });
};

/**
 * Every member checks in once through POST /api/v1/checkins of the server at `origin`. The sessions: a
 * signed-in member's token was checked moments ago (the app re-checks it on every page after 60 s), so
 * they are minted just ahead of use, not all at the start, where a slow run would send tokens older than
 * 60 s, each costing the server a re-read of the account. Any such stale session is counted.
 */
async function checkInAll(
  sql: postgres.Sql,
  server: ChildProcess,
  origin: string,
  order: SeededMember[],
  codes: ReturnType<typeof codeBook>,
) {
  const sessions = sessionMinter(order, MINT_AHEAD, AUTH_SECRET);
  await sessions.ready;
  let stale = 0;
  const answers: Record<string, number> = {};
  const samples: string[] = [];
  const headers = { "content-type": "application/json", origin };
  const run = await accounted(sql, server, () =>
    load({
      url: origin,
      connections: CONNECTIONS,
      amount: order.length,
      request: (i): LoadRequest => {
        const member = order[i];
        const { step, code } = codes.scan(member.activityId);
        const session = sessions.take(i);
        if (Date.now() - session.checked > 60_000) stale++;
        return {
          method: "POST",
          path: "/api/v1/checkins",
          headers: { ...headers, cookie: session.cookie },
          body: JSON.stringify({ activityId: member.activityId, step, code, clientId: randomUUID() }),
        };
      },
      onAnswer: (status, body) => {
        let key = `http_${status}`;
        try {
          const parsed = JSON.parse(body) as { ok: boolean; data?: { status: string }; code?: string };
          key = parsed.ok ? parsed.data!.status : `${status}_${parsed.code}`;
        } catch {
          // not JSON
        }
        answers[key] = (answers[key] ?? 0) + 1;
        if (status !== 200 && samples.length < 5) samples.push(`${status} ${body.slice(0, 200)}`);
      },
    }),
  );
  sessions.stop();
  log(
    `check-ins: ${round(run.perSecond)}/s, p50 ${run.p50} ms, p99 ${run.p99} ms, answers ${JSON.stringify(answers)}, cpu ${JSON.stringify(run.cpu)}`,
  );
  for (const sample of samples) log(`  e.g. ${sample}`);
  return { ...run, answers, stale };
}

/** From the database: check-in rows, members with more than one, members without one or without an outcome. */
async function countCheckins(sql: postgres.Sql) {
  const [counts] = await sql<{ checkins: number; duplicates: number; missing: number }[]>`
    select
      (select count(*)::int from checkins) as checkins,
      (select coalesce(sum(n - 1), 0)::int from (select count(*) as n from checkins group by member_id
        having count(*) > 1) d) as duplicates,
      (select count(*)::int from members m
        where not exists (select 1 from checkins c where c.member_id = m.user_id)
           or not exists (select 1 from attendance a where a.member_id = m.user_id and a.outcome in ('present', 'late') and a.source = 'checkin')) as missing`;
  return counts;
}

const summary = (run: Awaited<ReturnType<typeof load>> & { cpu: object }) => ({
  per_second: round(run.perSecond),
  p50_ms: run.p50,
  p99_ms: run.p99,
  cpu_ms: run.cpu,
});

// ---------------------------------------------------------------------------------------------------------

async function main() {
  log(`fresh database ${new URL(BENCH_URL).pathname.slice(1)} on ${new URL(BENCH_URL).host}`);
  let started = performance.now();
  const startsAt = new Date(Date.now() + 10 * 60_000); // window open (30 min before), not late before +15 min
  const { sql, ...county } = await freshCounty(
    "zhibu_bench",
    {
      members: MEMBERS,
      branches: BRANCHES,
      committees: Math.max(1, Math.round(BRANCHES / 20)),
      startsAt,
      durationMinutes: 120,
    },
    BASELINE_POOL,
  );
  log(
    `seeded ${county.members.length} members, ${county.activities.length} activities in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  try {
    if (process.env.BENCH_SKIP_BUILD !== "1") build();
    const next = await startApp(PORT);
    log("server ready");

    const codes = codeBook(county.activities);
    await codes.start();
    const order = shuffled(county.members);

    // Warm-up: the route module, the JIT and the database pool, with wrong codes (refused, nothing written).
    const warmCookies = await Promise.all(
      county.members.slice(0, CONNECTIONS).map((member) => sessionCookie(member, AUTH_SECRET)),
    );
    const warmRequest =
      (origin: string) =>
      (i: number): LoadRequest => {
        const member = county.members[i % CONNECTIONS];
        const { step, code } = codes.scan(member.activityId);
        const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
        return {
          method: "POST",
          path: "/api/v1/checkins",
          headers: { "content-type": "application/json", origin, cookie: warmCookies[i % CONNECTIONS].cookie },
          body: JSON.stringify({ activityId: member.activityId, step, code: wrong, clientId: randomUUID() }),
        };
      };
    const warm = await load({
      url: ORIGIN,
      connections: CONNECTIONS,
      amount: CONNECTIONS * 5,
      request: warmRequest(ORIGIN),
    });
    log(`warm-up: ${warm.requests} refused scans, ${round(warm.perSecond, 0)}/s`);

    log(`checking in ${order.length} members, ${CONNECTIONS} connections …`);
    const run = await checkInAll(sql, next, ORIGIN, order, codes);

    const framework: Record<string, unknown> = {};
    if (FRAMEWORK_RUNS) {
      // The same route module answering 405 (GET): routing, the module, a Response — no app code at all.
      const bare = await accounted(sql, next, () =>
        load({
          url: ORIGIN,
          connections: CONNECTIONS,
          amount: 10_000,
          request: () => ({ method: "GET", path: "/api/v1/checkins", headers: {} }),
        }),
      );
      log(
        `bare route (405): ${round(bare.perSecond)}/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms, cpu ${JSON.stringify(bare.cpu)}`,
      );
      // next-auth's own session endpoint: decode, jwt callback, re-encode and set the cookie (fresh
      // sessions, so that the callback does not re-read the database).
      const fresh = await Promise.all(order.slice(0, 2000).map((member) => sessionCookie(member, AUTH_SECRET)));
      const session = await accounted(sql, next, () =>
        load({
          url: ORIGIN,
          connections: CONNECTIONS,
          amount: 10_000,
          request: (i) => ({
            method: "GET",
            path: "/api/auth/session",
            headers: { cookie: fresh[i % fresh.length].cookie },
          }),
        }),
      );
      log(
        `session endpoint: ${round(session.perSecond)}/s, p50 ${session.p50} ms, p99 ${session.p99} ms, cpu ${JSON.stringify(session.cpu)}`,
      );
      framework.bare_route = summary(bare);
      framework.session_endpoint = summary(session);
    }
    await stopServer(next);
    const counts = await countCheckins(sql);

    if (ROUTER) {
      // The comparison: the same check-ins through Next's router (`next start`), on a reset roster.
      await sql`truncate checkins cascade`;
      await sql`update attendance set outcome = null, source = null, recorded_by = null, recorded_at = null`;
      const router = await startApp(PORT + 1, true);
      const routerOrigin = `http://127.0.0.1:${PORT + 1}`;
      await load({
        url: routerOrigin,
        connections: CONNECTIONS,
        amount: CONNECTIONS * 5,
        request: warmRequest(routerOrigin),
      });
      log(`next start: checking in ${order.length} members again …`);
      const routerRun = await checkInAll(sql, router, routerOrigin, order, codes);
      await stopServer(router);
      const routerCounts = await countCheckins(sql);
      framework.next_router = {
        ...summary(routerRun),
        errors: routerRun.non2xx + routerRun.errors + routerRun.timeouts,
        duplicates: routerCounts.duplicates,
        missing: routerCounts.missing,
      };
    }
    codes.stop();

    // The baseline: the same rows straight into a scratch copy of the table (same columns, indexes and
    // foreign keys), one INSERT per row, the same number in flight at once.
    await sql`create table checkins_scratch (like checkins including all)`;
    await sql`alter table checkins_scratch add foreign key (activity_id) references activities (id), add foreign key
      (member_id) references users (id)`;
    const response = { status: "checked_in", at: new Date().toISOString(), offline: false, message: "已签到（12:00）" };
    // Open the whole pool first.
    await Promise.all(Array.from({ length: BASELINE_POOL * 2 }, () => sql`select pg_sleep(0.05)`));
    const baselinePids = (
      await sql<
        { pid: number }[]
      >`select pid from pg_stat_activity where datname = current_database() and application_name = 'zhibu-bench'`
    ).map((r) => r.pid);
    const baselineCpu = cpuMs(baselinePids);
    let cursor = 0;
    started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (cursor < order.length) {
          const member = order[cursor++];
          await sql`insert into checkins_scratch (client_id, activity_id, member_id, method, at, step, offline, late,
            response)
            values (${randomUUID()}, ${member.activityId}, ${member.userId}, 'qr', ${new Date()}, ${stepAt(Date.now())}, false, false, ${sql.json(response)})`;
        }
      }),
    );
    const baselineSeconds = (performance.now() - started) / 1000;
    const baselinePerSecond = order.length / baselineSeconds;
    const baselineDbMs = round((cpuMs(baselinePids) - baselineCpu) / order.length, 3);
    log(
      `baseline: ${order.length} direct inserts in ${baselineSeconds.toFixed(1)} s, ${round(baselinePerSecond)}/s (pool ${BASELINE_POOL}), db cpu ${baselineDbMs} ms/row`,
    );

    const errors = run.non2xx + run.errors + run.timeouts;
    const result = {
      checkins: run.ok,
      seconds: round(run.seconds, 2),
      per_second: round(run.ok / run.seconds),
      p50_ms: run.p50,
      p99_ms: run.p99,
      errors,
      duplicates: counts.duplicates,
      missing: counts.missing,
      baseline_per_second: round(baselinePerSecond),
      ratio: round(run.ok / run.seconds / baselinePerSecond, 3),
      baseline_db_cpu_ms: baselineDbMs,
      members: MEMBERS,
      branches: BRANCHES,
      connections: CONNECTIONS,
      instances: INSTANCES,
      pool: Number(process.env.DATABASE_POOL) || 10,
      rows: counts.checkins,
      answers: run.answers,
      stale_sessions: run.stale,
      cpu_ms_per_checkin: run.cpu,
      ...framework,
      machine: { cpus: os.cpus().length, node: process.version },
      at: new Date().toISOString(),
    };
    mkdirSync(path.join(root, "bench/results"), { recursive: true });
    writeFileSync(path.join(root, "bench/results/checkin.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    if (errors || counts.duplicates || counts.missing) process.exitCode = 1;
  } finally {
    killServers();
    await sql.end({ timeout: 5 });
  }
}

main().catch((error) => {
  killServers();
  console.error(error);
  process.exit(1);
});
