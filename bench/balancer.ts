import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { balance, readState, type StackState, stackConfig, stackDown, stackUp, urls } from "../ops/stack";
import { seedCounty } from "./county";
import { cpuMs, groupPids, machineCpuMs } from "./cpu";
import { type LoadRequest, load } from "./load";
import { codeBook, round, sessionCookie, shuffled } from "./members";

/**
 * `npm run bench:balancer` (docs/scaling.md#through-the-balancer): the check-in burst and the member's home
 * page through the production topology (ops/stack.ts): nginx → one or two `npm start` instances → PgBouncer
 * (transaction mode) → PostgreSQL, with a hot standby streaming beside it. In the same run and on the same
 * county: straight to one instance (no nginx), nginx with one instance, nginx with two. Reports throughput,
 * latency and the CPU milliseconds per request of each part (instances, nginx, PgBouncer, the primary's
 * backends), so the balancer's and the pooler's own cost is measured. Its own stack on its own ports under
 * `.stack-bench/`, removed at the end; needs a production build (NEXT_DIST_DIR, default .next).
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS) || 6000;
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

async function measured(state: StackState, requests: number, run: () => ReturnType<typeof load>) {
  const of = parts(state);
  const before = Object.fromEntries(Object.entries(of).map(([name, pids]) => [name, cpuMs(pids())]));
  const machineBefore = machineCpuMs();
  const result = await run();
  const cpu: Record<string, number> = {};
  for (const [name, pids] of Object.entries(of)) cpu[name] = round((cpuMs(pids()) - before[name]) / requests, 3);
  const others = machineCpuMs() - machineBefore - Object.values(cpu).reduce((a, b) => a + b, 0) * requests;
  return {
    per_second: round(result.perSecond),
    p50_ms: result.p50,
    p99_ms: result.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpu_ms_per_request: cpu,
    other_cores: round(Math.max(0, others) / 1000 / result.seconds, 2),
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
    const order = shuffled(county.members);
    const third = Math.floor(order.length / 3);
    const [first] = config.appPorts;
    const routes = [
      { name: "one instance, no nginx", url: u.app(first), ports: [first] },
      { name: "nginx, one instance", url: u.balancer, ports: [first] },
      { name: "nginx, two instances", url: u.balancer, ports: config.appPorts },
    ];
    for (const [i, route] of routes.entries()) {
      balance(config, route.ports);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const group = order.slice(i * third, (i + 1) * third);
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
      const checkins = await measured(state, group.length, () =>
        load({ url: route.url, connections: CONNECTIONS, amount: group.length, request: checkin }),
      );
      log(`${route.name}: home page ×${PAGES}`);
      const home = await measured(state, PAGES, () =>
        load({
          url: route.url,
          connections: 20,
          amount: PAGES,
          request: (n) => ({ method: "GET", path: "/", headers: { cookie: cookies[n % group.length].cookie } }),
        }),
      );
      results[route.name] = { checkins, home_page: home };
      log(route.name, JSON.stringify(results[route.name]));
    }
    codes.stop();
    const [counts] = await sql<{ checkins: number; duplicates: number; missing: number }[]>`
      select (select count(*)::int from checkins) as checkins,
        (select count(*)::int from (select member_id from checkins group by member_id
          having count(*) > 1) d) as duplicates,
        (select count(*)::int from members m where not exists (select 1 from checkins c where c.member_id = m.user_id)) as missing`;
    results.database = counts;
  } finally {
    await sql.end();
    stackDown(config.dir);
  }
  const out = { members: MEMBERS, connections: CONNECTIONS, at: new Date().toISOString(), ...results };
  console.log(JSON.stringify(out, null, 2));
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/balancer.json", `${JSON.stringify(out, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  stackDown(config.dir);
  process.exit(1);
});
