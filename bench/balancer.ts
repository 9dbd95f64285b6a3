import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { balance, readState, type StackState, stackConfig, stackDown, stackUp, urls } from "../ops/stack";
import { seedCounty } from "./county";
import { cpuMs, groupPids, machineCpuMs } from "./cpu";
import { discoverJourney, journeyRequests } from "./journey";
import { type LoadRequest, load } from "./load";
import { codeBook, round, sessionCookie, shuffled } from "./members";
import { openLoop } from "./open-loop";

/**
 * `npm run bench:balancer` (docs/scaling.md#through-the-balancer): the check-in burst and the member's home
 * page, and bench:start's whole journey (the start page, its JSON read, the check-in, found once in Chromium;
 * open-loop arrivals) through the production topology (ops/stack.ts): nginx → one or two `npm start`
 * instances → PgBouncer (transaction mode) → PostgreSQL, with a hot standby streaming beside it. In the same run
 * and on the same county: straight to one instance (no nginx), nginx with one instance, nginx with two. Every
 * member checks in once (by the burst or by a journey); the end counts lost and doubled ones. Reports throughput,
 * latency and the CPU milliseconds per request of each part (instances, nginx, PgBouncer, the primary's
 * backends), so the balancer's and the pooler's own cost is measured. Its own stack on its own ports under
 * `.stack-bench/`, removed at the end; needs a production build (NEXT_DIST_DIR, default .next).
 */
const CHECKINS = Number(process.env.BENCH_CHECKINS) || 1000;
const JOURNEY_RATE = Number(process.env.BENCH_JOURNEY_RATE) || 100;
const JOURNEY_SECONDS = Number(process.env.BENCH_JOURNEY_SECONDS) || 10;
const JOURNEYS = Math.round(JOURNEY_RATE * JOURNEY_SECONDS);
const ROUTES = 3;
// One for the Chromium guide, then per route its check-ins and its journeys' members.
const MEMBERS = Math.max(Number(process.env.BENCH_MEMBERS) || 0, 1 + ROUTES * (CHECKINS + JOURNEYS));
const BRANCHES = Number(process.env.BENCH_BRANCHES) || 60;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS) || 100;
const PAGES = Number(process.env.BENCH_PAGE_RUNS) || 600;
const log = (...parts: unknown[]) => console.log("[bench:balancer]", ...parts);

const config = stackConfig({
  dir: path.resolve(".stack-bench"),
  primaryPort: 5446,
  replicaPort: 5447,
  bouncerPort: 6446,
  appPorts: [3146, 3147],
  port: 3148,
  env: { SEED_DEMO: "false" },
});

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[1]) === ppid) out.push(pid);
    } catch {
      // gone
    }
  }
  return out;
}

/** The processes of each part of the stack, read afresh (a pool may open connections during a run). */
function parts(state: StackState): Record<string, () => number[]> {
  const pidOf = (file: string) => Number(readFileSync(file, "utf8").split("\n")[0]);
  const nginx = pidOf(path.join(config.dir, "nginx", "nginx.pid"));
  const postmaster = pidOf(path.join(config.dir, "primary", "postmaster.pid"));
  return {
    instances: () => Object.values(state.apps).flatMap((pid) => groupPids(pid)),
    nginx: () => [nginx, ...childrenOf(nginx)],
    pgbouncer: () => [state.bouncerPid],
    postgres: () => [postmaster, ...childrenOf(postmaster)],
  };
}

/** What `run` cost each part of the stack, per unit (a request, a journey), and the cores everything else used. */
async function measured<T extends { seconds: number }>(state: StackState, units: number, run: () => Promise<T>) {
  const of = parts(state);
  const before = Object.fromEntries(Object.entries(of).map(([name, pids]) => [name, cpuMs(pids())]));
  const machineBefore = machineCpuMs();
  const result = await run();
  const cpu: Record<string, number> = {};
  for (const [name, pids] of Object.entries(of)) cpu[name] = round((cpuMs(pids()) - before[name]) / units, 3);
  const others = machineCpuMs() - machineBefore - Object.values(cpu).reduce((a, b) => a + b, 0) * units;
  return { result, cpu, other_cores: round(Math.max(0, others) / 1000 / result.seconds, 2) };
}

async function closed(state: StackState, requests: number, run: () => ReturnType<typeof load>) {
  const { result, cpu, other_cores } = await measured(state, requests, run);
  return {
    per_second: round(result.perSecond),
    p50_ms: result.p50,
    p99_ms: result.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpu_ms_per_request: cpu,
    other_cores,
  };
}

async function main() {
  stackDown(config.dir);
  await stackUp(config);
  const state = readState(config.dir)!;
  const u = urls(config);
  const sql = postgres(u.primary, { max: 4, onnotice: () => {} });
  const results: Record<string, unknown> = {};
  try {
    const county = await seedCounty(sql, {
      members: MEMBERS,
      branches: BRANCHES,
      committees: Math.max(1, Math.round(BRANCHES / 20)),
      startsAt: new Date(Date.now() + 10 * 60_000),
      durationMinutes: 120,
    });
    log(`seeded ${county.members.length} members`);
    const codes = codeBook(county.activities);
    await codes.start();
    const [guide, ...order] = shuffled(county.members);
    const [first] = config.appPorts;
    const routes = [
      { name: "one instance, no nginx", url: u.app(first), ports: [first] },
      { name: "nginx, one instance", url: u.balancer, ports: [first] },
      { name: "nginx, two instances", url: u.balancer, ports: config.appPorts },
    ];
    // The journey as Chromium makes it, once, through nginx; replayed for each member with their own session.
    balance(config, [first]);
    const journey = await discoverJourney({
      origin: u.balancer,
      member: guide,
      cookie: (await sessionCookie(guide, config.authSecret)).cookie,
      code: () => codes.scan(guide.activityId).code,
      log,
    });
    log(`journey: ${journey.steps.map((s) => `${s.name} ${s.requests.length} requests`).join(", ")}`);
    for (const [i, route] of routes.entries()) {
      balance(config, route.ports);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const group = order.slice(i * (CHECKINS + JOURNEYS), i * (CHECKINS + JOURNEYS) + CHECKINS);
      const walkers = order.slice(i * (CHECKINS + JOURNEYS) + CHECKINS, (i + 1) * (CHECKINS + JOURNEYS));
      // Minted just before use: a session older than 60 s would have the account re-read (auth.ts).
      const cookies = await Promise.all(group.map((m) => sessionCookie(m, config.authSecret)));
      const checkin = (n: number): LoadRequest => {
        const member = group[n];
        const { step, code } = codes.scan(member.activityId);
        return {
          method: "POST",
          path: "/api/v1/checkins",
          headers: { "content-type": "application/json", origin: route.url, cookie: cookies[n].cookie },
          body: JSON.stringify({ activityId: member.activityId, step, code, clientId: randomUUID() }),
        };
      };
      log(`${route.name}: ${group.length} check-ins, ${CONNECTIONS} connections`);
      const checkins = await closed(state, group.length, () =>
        load({ url: route.url, connections: CONNECTIONS, amount: group.length, request: checkin }),
      );
      log(`${route.name}: home page ×${PAGES}`);
      const home = await closed(state, PAGES, () =>
        load({
          url: route.url,
          connections: 20,
          amount: PAGES,
          request: (n) => ({ method: "GET", path: "/", headers: { cookie: cookies[n % group.length].cookie } }),
        }),
      );
      log(`${route.name}: ${walkers.length} journeys at ${JOURNEY_RATE}/s`);
      const walkerCookies = await Promise.all(walkers.map((m) => sessionCookie(m, config.authSecret)));
      const walked = await measured(state, walkers.length, () =>
        openLoop({
          origin: route.url,
          rate: JOURNEY_RATE,
          count: walkers.length,
          steps: journey.steps.length,
          step: async (n, s) =>
            (await journeyRequests(journey, journey.steps[s].name, walkers[n], walkerCookies[n].cookie, codes)).map(
              (r) => (r.headers.origin ? { ...r, headers: { ...r.headers, origin: route.url } } : r),
            ),
        }),
      );
      const journeys = {
        offered_per_s: JOURNEY_RATE,
        achieved_per_s: round(walked.result.achieved),
        errors: walked.result.errors,
        statuses: walked.result.statuses,
        steps: Object.fromEntries(
          journey.steps.map((s, k) => [
            s.name,
            { p50_ms: walked.result.steps[k]?.p50, p99_ms: walked.result.steps[k]?.p99 },
          ]),
        ),
        cpu_ms_per_journey: walked.cpu,
        other_cores: walked.other_cores,
      };
      results[route.name] = { checkins, home_page: home, journeys };
      log(route.name, JSON.stringify(results[route.name]));
    }
    codes.stop();
    // Who was sent: the guide and every route's members (the county may have more, BENCH_MEMBERS).
    const sent = [guide, ...order.slice(0, ROUTES * (CHECKINS + JOURNEYS))].map((m) => m.userId);
    const [counts] = await sql<{ sent: number; checkins: number; duplicates: number; missing: number }[]>`
      select ${sent.length}::int as sent, (select count(*)::int from checkins) as checkins,
        (select count(*)::int from (select member_id from checkins group by member_id
          having count(*) > 1) d) as duplicates,
        (select count(*)::int from unnest(${sent}::int[]) as s(id)
          where not exists (select 1 from checkins c where c.member_id = s.id)) as missing`;
    results.database = counts;
  } finally {
    await sql.end();
    stackDown(config.dir);
  }
  const out = {
    members: MEMBERS,
    checkins_per_route: CHECKINS,
    journeys_per_route: JOURNEYS,
    connections: CONNECTIONS,
    at: new Date().toISOString(),
    ...results,
  };
  console.log(JSON.stringify(out, null, 2));
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/balancer.json", `${JSON.stringify(out, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  stackDown(config.dir);
  process.exit(1);
});
