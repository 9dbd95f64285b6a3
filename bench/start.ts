/**
 * `npm run bench:start` — the start of a theme day: a county's members open the app within the same minutes.
 *
 * 1. The benchmark county (bench/members.ts: 20,000 members in 400 branches, a theme day in each starting in
 * 10 minutes, so the home shows it and its check-in window is open) in a fresh database BENCH_DATABASE
 * (`zhibu_bench_start`)
 *    on the server of DATABASE_URL; the first member of each branch is also its secretary.
 * 2. A production build in BENCH_DIST_DIR (.next-bench; BENCH_SKIP_BUILD=1 reuses it), served as `npm start`
 *    serves it (server.mjs) on 127.0.0.1:BENCH_PORT (3920).
 * 3. What one journey requests, found by doing it once in Chromium (bench/journey.ts): open `/` with all the
 *    page fetches on load, tap the activity, type the code; every request that reaches the server (static
 *    chunks counted apart) becomes a template replayed for each simulated member with their own session,
 *    activity and code.
 * 4. Each page alone, closed loop (BENCH_CONNECTIONS, 20): server and database CPU per page; the check-in
 *    alone on members who have not checked in: the baseline, in the same run. The secretary's live counts
 *    (GET .../attendance) the same way, and at 400 branches polling every 5 s (80/s, open loop).
 * 5. Open-loop journeys at BENCH_RATES (50,100,167,200,400,417 per second) for BENCH_SECONDS (10) each, a new
 *    member per journey: achieved journeys/s, p50/p99 per step, errors, server and database CPU per journey.
 * 6. Prints the JSON and writes bench/results/start.json.
 *
 * CPU comes from /proc (bench/cpu.ts): the server's process group and the PostgreSQL backends of its pool.
 * Per page it is measured with that page alone on the server, since concurrent requests cannot be told apart.
 * Sessions are minted as next-auth would for a member who signed in days ago (bench/members.ts): the account
 * last re-checked and the session last used a day before, as on a theme day's morning.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type postgres from "postgres";
import type { SeededMember } from "./county";
import { discoverJourney, journeyRequests, type StepName } from "./journey";
import { accounted, codeBook, databaseUrl, freshCounty, round, sessionCookie, shuffled } from "./members";
import { buildNext } from "./next-build";
import { closedLoop, openLoop, type Sent } from "./open-loop";
import { killServers, startServer } from "./servers";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const MEMBERS = number("BENCH_MEMBERS", 20_000);
const BRANCHES = number("BENCH_BRANCHES", 400);
const PORT = number("BENCH_PORT", 3920);
const CONNECTIONS = number("BENCH_CONNECTIONS", 20);
const SECONDS = number("BENCH_SECONDS", 10);
const PAGE_RUNS = number("BENCH_PAGE_RUNS", 400);
const CHECKIN_RUNS = number("BENCH_CHECKIN_RUNS", 1000);
const RATES = (process.env.BENCH_RATES ?? "50,100,167,200,400,417").split(",").map(Number);
const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
// Dropped and made again: a name of its own for each person running it on a shared server.
const DATABASE = process.env.BENCH_DATABASE || "zhibu_bench_start";
if (!/^[a-z_][a-z0-9_]*$/.test(DATABASE)) throw new Error("BENCH_DATABASE must be a plain lower-case name");
const AUTH_SECRET = randomBytes(32).toString("base64url");
const ORIGIN = `http://127.0.0.1:${PORT}`;
const POLL_SECONDS = 5;
// The theme day's morning: members signed in (and last opened the app) a day ago.
const SIGNED_IN_AGO_MS = 24 * 3600_000;
// A secretary has the check-in screen open (staff sessions end after 30 idle minutes): last seen 10 minutes ago.
const SECRETARY_SEEN_AGO_MS = 10 * 60_000;

const log = (...parts: unknown[]) => console.error(`[bench:start ${new Date().toISOString().slice(11, 19)}]`, ...parts);

const serverEnv = (databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  NEXT_DIST_DIR: DIST_DIR,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET,
  SEED_DEMO: "false",
  NEXTAUTH_URL: ORIGIN,
  PORT: String(PORT),
  HOST: "127.0.0.1",
});

async function startApp(databaseUrl: string): Promise<ChildProcess> {
  // BENCH_NODE_ARGS reach only the server's node (say, --cpu-prof --cpu-prof-dir=/tmp/prof).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return startServer({
    name: `start-${PORT}`,
    cwd: root,
    args: [...nodeArgs, path.join(root, "server.mjs")],
    env: serverEnv(databaseUrl),
    ready: async () => (await fetch(`${ORIGIN}/api/v1/checkins`)).status === 405,
    log,
  });
}

type Accounted<T> = T & { cpu: { server_ms: number; db_ms: number; generator_ms: number; others_cores: number } };
const cpuOf = (run: Accounted<object>) => ({
  server_ms: run.cpu.server_ms,
  db_ms: run.cpu.db_ms,
  others_cores: run.cpu.others_cores,
});

async function main() {
  const startsAt = new Date(Date.now() + 10 * 60_000);
  log(`fresh database ${DATABASE} …`);
  const { sql, members, activities } = await freshCounty(
    DATABASE,
    {
      members: MEMBERS,
      branches: BRANCHES,
      committees: Math.max(1, Math.round(BRANCHES / 20)),
      startsAt,
      durationMinutes: 120,
    },
    4,
  );
  try {
    // The branch's first member is its secretary: the one who polls the live counts.
    const secretaries = new Map<number, SeededMember>();
    for (const m of members) if (!secretaries.has(m.branchId)) secretaries.set(m.branchId, m);
    await sql`insert into role_grants (user_id, role, node_id) select *
      from unnest(${[...secretaries.values()].map((m) => m.userId)}::int[], ${[...secretaries.values()].map(() => "secretary")}::role_name[], ${[...secretaries.keys()]}::int[])`.catch(
      async () => {
        for (const m of secretaries.values())
          await sql`insert into role_grants (user_id, role, node_id) values (${m.userId}, 'secretary', ${m.branchId})`;
      },
    );
    const secretaryScope = (m: SeededMember) => ({
      grants: [{ role: "secretary" as const, nodeId: m.branchId, path: m.branchPath }],
    });

    if (process.env.BENCH_SKIP_BUILD !== "1") buildNext(root, { ...serverEnv(""), AUTH_SECRET }, log);
    const server = await startApp(databaseUrl(DATABASE));
    log("server ready");
    const codes = codeBook(activities);
    await codes.start();

    // Members: secretaries are kept out of the journeys; the rest are shuffled so that all branches come at once.
    const pool = shuffled(members.filter((m) => secretaries.get(m.branchId) !== m));
    let taken = 0;
    const take = (n: number) => {
      const out = pool.slice(taken, taken + n);
      taken += n;
      if (out.length < n) throw new Error(`not enough members: ${pool.length}`);
      return out;
    };
    const single = (name: StepName, index: number, m: SeededMember, cookie: string) => async () =>
      (await journeyRequests(journey, name, m, cookie, codes))[index];
    const cookieOf = (m: SeededMember, token?: Record<string, unknown>, signedInAgo = SIGNED_IN_AGO_MS) =>
      sessionCookie(m, AUTH_SECRET, { signedInAgo, token });

    // 3. The journey as Chromium makes it.
    const [guide] = take(1);
    const journey = await discoverJourney({
      origin: ORIGIN,
      member: guide,
      cookie: (await cookieOf(guide)).cookie,
      code: () => codes.scan(guide.activityId).code,
      log,
    });
    log(
      `journey: ${journey.steps.map((s) => `${s.name} ${s.requests.length} requests (+${s.static} static)`).join(", ")}`,
    );

    // Warm-up: the pages' modules, the JIT, the pool.
    const warmMembers = take(50);
    const warmCookies = await Promise.all(warmMembers.map((m) => cookieOf(m)));
    await closedLoop({
      origin: ORIGIN,
      connections: CONNECTIONS,
      count: 300,
      request: (i) => single("home", 0, warmMembers[i % 50], warmCookies[i % 50].cookie)(),
    });
    if (journey.steps.some((s) => s.name === "activity"))
      await closedLoop({
        origin: ORIGIN,
        connections: CONNECTIONS,
        count: 300,
        request: (i) => single("activity", 0, warmMembers[i % 50], warmCookies[i % 50].cookie)(),
      });

    // 4. Each page alone, and the check-in alone.
    const perPage: Record<string, unknown> = {};
    const isCheckin = (r: Sent) => r.method === "POST" && r.path === "/api/v1/checkins";
    for (const step of journey.steps) {
      for (const [i, request] of step.requests.entries()) {
        if (isCheckin(request)) continue;
        const who = take(Math.min(PAGE_RUNS, 200));
        const cookies = await Promise.all(who.map((m) => cookieOf(m)));
        const run = await accounted(sql, server, () =>
          closedLoop({
            origin: ORIGIN,
            connections: CONNECTIONS,
            count: PAGE_RUNS,
            request: (n) => single(step.name, i, who[n % who.length], cookies[n % who.length].cookie)(),
          }),
        );
        const key = `${step.name}:${request.label}`;
        perPage[key] = {
          per_second: round(run.perSecond),
          p50_ms: run.p50,
          p99_ms: run.p99,
          errors: run.errors,
          statuses: run.statuses,
          ...cpuOf(run),
        };
        log(`${key}: ${JSON.stringify(perPage[key])}`);
      }
    }
    const checkinMembers = take(CHECKIN_RUNS);
    const checkinCookies = await Promise.all(checkinMembers.map((m) => cookieOf(m)));
    const checkinAlone = await accounted(sql, server, () =>
      closedLoop({
        origin: ORIGIN,
        connections: CONNECTIONS,
        count: CHECKIN_RUNS,
        request: (n) =>
          single(
            "checkin",
            journey.steps.find((s) => s.name === "checkin")!.requests.findIndex(isCheckin),
            checkinMembers[n],
            checkinCookies[n].cookie,
          )(),
      }),
    );
    log(
      `check-in alone: ${round(checkinAlone.perSecond)}/s, cpu ${JSON.stringify(checkinAlone.cpu)}, statuses ${JSON.stringify(checkinAlone.statuses)}`,
    );

    // The secretary's live counts: each page polls every 5 s.
    const secs = [...secretaries.values()];
    const secCookies = await Promise.all(
      secs.map((m) =>
        cookieOf(
          m,
          {
            scope: {
              userId: m.userId,
              ...secretaryScope(m),
              member: { branchId: m.branchId, branchPath: m.branchPath },
            },
          },
          SECRETARY_SEEN_AGO_MS,
        ),
      ),
    );
    const pollRequest = (n: number): Sent => ({
      label: "attendance",
      method: "GET",
      path: `/api/v1/activities/${secs[n % secs.length].activityId}/attendance`,
      headers: { cookie: secCookies[n % secs.length].cookie },
    });
    const pollAlone = await accounted(sql, server, () =>
      closedLoop({ origin: ORIGIN, connections: CONNECTIONS, count: PAGE_RUNS * 2, request: pollRequest }),
    );
    const pollRate = secs.length / POLL_SECONDS;
    const polling = await accounted(sql, server, () =>
      openLoop({
        origin: ORIGIN,
        rate: pollRate,
        count: Math.round(pollRate * SECONDS),
        steps: 1,
        step: (n) => [pollRequest(n)],
      }),
    );
    const attendance = {
      alone: {
        per_second: round(pollAlone.perSecond),
        p50_ms: pollAlone.p50,
        p99_ms: pollAlone.p99,
        errors: pollAlone.errors,
        statuses: pollAlone.statuses,
        ...cpuOf(pollAlone),
      },
      [`${round(pollRate)}_per_s`]: {
        achieved: round(polling.achieved),
        p50_ms: polling.steps[0]?.p50,
        p99_ms: polling.steps[0]?.p99,
        errors: polling.errors,
        ...cpuOf(polling),
      },
      ratio_to_checkin: round(pollAlone.cpu.server_ms / checkinAlone.cpu.server_ms, 2),
    };
    log(`attendance: ${JSON.stringify(attendance)}`);

    // 5. Journeys at fixed arrival rates.
    const rates: Record<string, unknown>[] = [];
    for (const rate of RATES) {
      const count = Math.round(rate * SECONDS);
      const who = take(count);
      const cookies = await Promise.all(who.map((m) => cookieOf(m)));
      const run = await accounted(sql, server, () =>
        openLoop({
          origin: ORIGIN,
          rate,
          count,
          steps: journey.steps.length,
          step: (n, s) => journeyRequests(journey, journey.steps[s].name, who[n], cookies[n].cookie, codes),
        }),
      );
      const row = {
        rate,
        journeys: count,
        achieved_per_s: round(run.achieved),
        errors: run.errors,
        statuses: run.statuses,
        steps: Object.fromEntries(
          journey.steps.map((s, i) => [
            s.name,
            { p50_ms: run.steps[i]?.p50 ?? null, p99_ms: run.steps[i]?.p99 ?? null, reached: run.steps[i]?.n ?? 0 },
          ]),
        ),
        server_cpu_ms_per_journey: run.cpu.server_ms,
        db_cpu_ms_per_journey: run.cpu.db_ms,
        others_cores: run.cpu.others_cores,
      };
      rates.push(row);
      log(JSON.stringify(row));
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    codes.stop();

    // A step's CPU: its requests', each measured alone; the check-in step's is the check-in and the page's refresh.
    const stepCpu = (name: StepName) =>
      (journey.steps.find((s) => s.name === name)?.requests ?? []).reduce(
        (sum, r) =>
          sum +
          (isCheckin(r)
            ? checkinAlone.cpu.server_ms
            : ((perPage[`${name}:${r.label}`] as { server_ms: number })?.server_ms ?? 0)),
        0,
      );
    const pages = {
      home: round(stepCpu("home"), 3),
      activity: round(stepCpu("activity"), 3),
      checkin_step: round(stepCpu("checkin"), 3),
      checkin: checkinAlone.cpu.server_ms,
    };
    const result = {
      journey: journey.steps.map((s) => ({
        step: s.name,
        requests: s.requests.map((r) => `${r.method} ${r.label}`),
        static_requests: s.static,
      })),
      server_cpu_ms_per_page: pages,
      ratio_to_checkin: {
        home: round(pages.home / pages.checkin, 1),
        activity: round(pages.activity / pages.checkin, 1),
        journey: round((pages.home + pages.activity + pages.checkin_step) / pages.checkin, 1),
      },
      server_cpu_ms_per_journey_summed: round(pages.home + pages.activity + pages.checkin_step, 3),
      requests_alone: perPage,
      checkin_alone: {
        per_second: round(checkinAlone.perSecond),
        p50_ms: checkinAlone.p50,
        p99_ms: checkinAlone.p99,
        statuses: checkinAlone.statuses,
        ...cpuOf(checkinAlone),
      },
      attendance,
      rates,
      members: MEMBERS,
      branches: BRANCHES,
      connections: CONNECTIONS,
      machine: { cpus: os.cpus().length, node: process.version, load_before: os.loadavg()[0] },
      at: new Date().toISOString(),
    };
    mkdirSync(path.join(root, "bench/results"), { recursive: true });
    writeFileSync(path.join(root, "bench/results/start.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    killServers();
    await (sql as postgres.Sql).end({ timeout: 5 });
  }
}

main().catch((error) => {
  killServers();
  console.error(error);
  process.exit(1);
});
