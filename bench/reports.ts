/**
 * `npm run bench:reports` — the county's reports over a year of data.
 *
 * 1. A fresh database `zhibu_bench_reports` on the PostgreSQL server of DATABASE_URL (default 127.0.0.1:5432,
 *    user postgres), migrated the app's way, with the benchmark county (bench/county.ts: 20,000 members in
 *    400 branches).
 * 2. A simulated past year written set-based, as the app would have written it: 12 theme days and 12 group
 *    meetings per branch, closed, with every member's outcome (present, late, leave, absent at random); dues
 *    paid by most of those who came; three confirmed volunteer-hours entries a month for half the members;
 *    and the ledger entries all of these earned — about a million.
 * 3. The reports through the app's own queries (db/queries): the county's monthly bulletin rolled up per
 *    branch, one branch's bulletin, and the yearly assessment; each run 5 times after a warm-up. The
 *    baseline, in the same run: one plain aggregate over the whole ledger (`select sum(points)`), the least
 *    any report over that table costs.
 * Prints JSON {rows, bulletin_ms, branch_bulletin_ms, assessment_ms, baseline_ms, ...} (medians and maxima)
 * and writes bench/results/reports.json. Budget: each report ≤ 1,000 ms.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openPostgres } from "../db/open";
import { yearlyAssessment } from "../db/queries/assessment";
import { bulletinRollup, monthlyBulletin } from "../db/queries/point-views";
import type { Scope } from "../lib/scope";
import { seedCounty } from "./county";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20_000);
const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 400);
const YEAR = new Date().getFullYear() - 1;
const RUNS = 5;

function databaseUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}
const BENCH_URL = databaseUrl("zhibu_bench_reports");
const log = (...parts: unknown[]) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

/** The year, written the way closing activities, recording dues and confirming hours would have written it. */
async function simulateYear(sql: postgres.Sql) {
  await sql.begin(async (tx) => {
    await tx`
      insert into plans (county_id, month, title, starts_at, duration_minutes, published_by)
      select 1, ${YEAR}::int || '-' || lpad(mo::text, 2, '0'), '主题党日' || mo || '月', make_timestamptz(${YEAR}::int,
        mo, 15, 9, 0, 0, 'Asia/Shanghai'), 120, 1
      from generate_series(1, 12) mo`;
    await tx`
      insert into activities (branch_id, plan_id, plan_version, type, title, starts_at, duration_minutes, status,
        closed_at, closed_by, created_by)
      select b.id, p.id, 1, 'theme_day', p.title, p.starts_at, 120, 'closed', p.starts_at + interval '3 hours', 1, 1
      from org_nodes b, plans p
      where b.kind = 'branch' and p.month like ${`${YEAR}-%`}`;
    await tx`
      insert into activities (branch_id, type, title, starts_at, duration_minutes, status, closed_at, closed_by,
        created_by)
      select b.id, 'group_meeting', '党小组会' || mo || '月', make_timestamptz(${YEAR}::int, mo, 25, 9, 0, 0,
        'Asia/Shanghai'), 120, 'closed',
             make_timestamptz(${YEAR}::int, mo, 25, 12, 0, 0, 'Asia/Shanghai'), 1, 1
      from org_nodes b, generate_series(1, 12) mo
      where b.kind = 'branch'`;
    await tx`
      insert into attendance (activity_id, member_id, expected, outcome, source, recorded_by, recorded_at)
      select a.id, m.user_id, true,
             (case when r < 0.70 then 'present' when r < 0.80 then 'late' when r < 0.92 then 'leave' else 'absent' end)::attendance_outcome,
             'close', 1, a.closed_at
      from activities a join members m on m.branch_id = a.branch_id, lateral (select random() + 0 * m.user_id as r) x
      where a.status = 'closed'`;
    await tx`
      insert into dues_entries (activity_id, member_id, branch_id, month, amount_fen, due_fen, channel, recorded_by)
      select t.activity_id, t.member_id, a.branch_id, to_char(a.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM'),
        2000, 2000, 'theme_day', 1
      from attendance t join activities a on a.id = t.activity_id
      where a.type = 'theme_day' and t.outcome in ('present', 'late') and random() < 0.85`;
    // Ledger entries for outcomes (12 theme days and 12 group meetings stay under their caps) and dues.
    await tx`
      insert into point_entries (member_id, branch_id, rule_id, rule_code, points, source_type, source_id,
        occurred_at, reason, caused_by)
      select t.member_id, a.branch_id, r.id, r.code, r.points, 'attendance', t.id, a.starts_at, a.title, 1
      from attendance t join activities a on a.id = t.activity_id
      join point_rules r on r.version = 1 and r.code = case
        when t.outcome = 'absent' then 'absent_without_leave'
        when a.type = 'theme_day' and t.outcome = 'late' then 'theme_day_late'
        when a.type = 'theme_day' then 'theme_day_present'
        else a.type || '_present' end
      where t.outcome <> 'leave'`;
    await tx`
      insert into point_entries (member_id, branch_id, rule_id, rule_code, points, source_type, source_id,
        occurred_at, reason, caused_by)
      select d.member_id, a.branch_id, r.id, r.code, r.points, 'dues', d.id, a.starts_at, a.title, 1
      from dues_entries d join activities a on a.id = d.activity_id join point_rules r on r.code = 'dues_on_time' and r.version = 1`;
    // Service: half the members, reported to a grid, three entries a month (under the monthly cap).
    await tx`insert into org_nodes (kind, name, parent_id, path) values ('community', '基准社区', 1, 'pending-community')`;
    await tx`update org_nodes set path = '/1/' || id || '/' where kind = 'community'`;
    await tx`insert into org_nodes (kind, name, parent_id, path) select 'grid', '基准网格', id, 'pending-grid'
      from org_nodes where kind = 'community'`;
    await tx`update org_nodes g set path = c.path || g.id || '/' from org_nodes c where g.kind = 'grid'
      and c.id = g.parent_id`;
    await tx`
      insert into volunteer_hours (client_id, member_id, community_id, grid_id, served_on, half_hours, description,
        status, recorded_by, decided_by, decided_at)
      select gen_random_uuid(), m.user_id, g.parent_id, g.id, make_date(${YEAR}::int, mo, k * 9), 2 + (m.user_id + mo
        + k) % 6, '环境整治', 'confirmed', 1, 1, now()
      from members m, generate_series(1, 12) mo, generate_series(1, 3) k, (select id, parent_id from org_nodes
        where kind = 'grid') g
      where m.user_id % 2 = 0`;
    await tx`
      insert into point_entries (member_id, branch_id, rule_id, rule_code, points, source_type, source_id,
        occurred_at, reason, caused_by)
      select v.member_id, m.branch_id, r.id, r.code, v.half_hours / 2.0, 'volunteer_hours', v.id, (v.served_on + time
        '12:00') at time zone 'Asia/Shanghai', v.description, 1
      from volunteer_hours v join members m on m.user_id = v.member_id join point_rules r on r.code = 'volunteer_hour' and r.version = 1`;
  });
  await sql`analyze`;
}

async function time<T>(run: () => Promise<T>): Promise<{ median: number; max: number; result: T }> {
  let result = await run(); // warm-up: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(RUNS / 2)]), max: Math.round(times[RUNS - 1]), result };
}

async function main() {
  const admin = postgres(databaseUrl("postgres"), { max: 1, onnotice: () => {} });
  log(`fresh database ${new URL(BENCH_URL).pathname.slice(1)} on ${new URL(BENCH_URL).host}`);
  await admin`drop database if exists zhibu_bench_reports with (force)`;
  await admin`create database zhibu_bench_reports`;
  await admin.end();
  const open = openPostgres(BENCH_URL, 4);
  await open.migrate();
  const sql = postgres(BENCH_URL, { max: 4, onnotice: () => {} });
  try {
    const started = performance.now();
    await seedCounty(sql, {
      members: MEMBERS,
      branches: BRANCHES,
      committees: Math.max(1, Math.round(BRANCHES / 20)),
      startsAt: new Date(Date.now() + 86_400_000),
      durationMinutes: 120,
    });
    await simulateYear(sql);
    const [{ entries, attendance, hours }] = await sql<{ entries: number; attendance: number; hours: number }[]>`
      select (select count(*)::int from point_entries) as entries, (select count(*)::int from attendance) as attendance, (select count(*)::int from volunteer_hours) as hours`;
    log(
      `simulated ${YEAR}: ${entries} ledger entries, ${attendance} attendance rows, ${hours} hours entries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const county: Scope = { userId: 1, grants: [{ role: "county_admin", nodeId: 1, path: "/1/" }], member: null };
    const [branch] = await sql<{ id: number }[]>`select id from org_nodes where kind = 'branch' order by id limit 1`;
    const month = `${YEAR}-06`;
    const baseline = await time(() => sql`select sum(points) from point_entries`);
    const bulletin = await time(() => bulletinRollup(open.db, county, month));
    const branchBulletin = await time(() => monthlyBulletin(open.db, county, branch.id, month));
    const assessment = await time(() => yearlyAssessment(open.db, county, YEAR));
    const result = {
      members: MEMBERS,
      branches: BRANCHES,
      year: YEAR,
      ledger_entries: entries,
      attendance_rows: attendance,
      hours_entries: hours,
      bulletin_rows: bulletin.result.length,
      assessment_rows: assessment.result.branches.length + assessment.result.committees.length,
      bulletin_ms: bulletin.median,
      bulletin_max_ms: bulletin.max,
      branch_bulletin_ms: branchBulletin.median,
      branch_bulletin_max_ms: branchBulletin.max,
      assessment_ms: assessment.median,
      assessment_max_ms: assessment.max,
      baseline_ms: baseline.median,
      budget_ms: 1000,
      within_budget: Math.max(bulletin.max, branchBulletin.max, assessment.max) <= 1000,
    };
    console.log(JSON.stringify(result, null, 2));
    writeFileSync(path.join(root, "bench/results/reports.json"), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await sql.end();
    await open.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
