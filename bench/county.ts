import type postgres from "postgres";
import { PRIVACY_VERSION } from "@/lib/privacy";

/**
 * A county for the check-in benchmark, written with a handful of set-based INSERTs (a few seconds for
 * 20,000 members): county → committees → branches, one user and member record per member (no password:
 * the benchmark mints their sessions), one published theme-day plan and its activity in every branch,
 * starting a little after now so that the check-in window is open, and the attendance roster of each.
 */
export interface BenchCounty {
  members: number;
  branches: number;
  committees: number;
  startsAt: Date;
  durationMinutes: number;
}

export interface SeededMember {
  userId: number;
  name: string;
  branchId: number;
  branchPath: string;
  activityId: number;
}

export interface SeededActivity {
  id: number;
  secret: string;
}

export async function seedCounty(
  sql: postgres.Sql,
  county: BenchCounty,
): Promise<{ members: SeededMember[]; activities: SeededActivity[] }> {
  const { members, branches, committees } = county;
  const perCommittee = Math.ceil(branches / committees);
  // Ids are given, not drawn, so that paths are written in the same statement; sequences are moved after.
  // Node 1 is the county, 2..committees+1 the committees, then the branches. User 1 is the county admin.
  const firstBranch = committees + 2;
  await sql.begin(async (tx) => {
    await tx`insert into org_nodes (id, kind, name, parent_id, path) values (1, 'county', '基准县', null, '/1/')`;
    await tx`
      insert into org_nodes (id, kind, name, parent_id, path)
      select 1 + c, 'committee', '第' || c || '镇党委', 1, '/1/' || (1 + c) || '/'
      from generate_series(1, ${committees}::int) c`;
    await tx`
      insert into org_nodes (id, kind, name, parent_id, path)
      select ${firstBranch}::int + b - 1, 'branch', '第' || b || '党支部', p, '/1/' || p || '/' || (${firstBranch}::int +
        b - 1) || '/'
      from generate_series(1, ${branches}::int) b, lateral (select 2 + (b - 1) / ${perCommittee}::int as p) parent`;
    await tx`select setval(pg_get_serial_sequence('org_nodes', 'id'), (select max(id) from org_nodes))`;

    await tx`insert into users (id, name, phone) values (1, '基准管理员', '19900000000')`;
    await tx`insert into role_grants (user_id, role, node_id) values (1, 'county_admin', 1)`;
    await tx`
      insert into users (id, name, phone)
      select 1 + i, '党员' || lpad(i::text, 5, '0'), '199' || lpad(i::text, 8, '0')
      from generate_series(1, ${members}::int) i`;
    await tx`select setval(pg_get_serial_sequence('users', 'id'), (select max(id) from users))`;
    // Everyone has read the current privacy notice, as a county in use has: the proxy would send them to it.
    await tx`insert into privacy_acknowledgements (user_id, version) select id, ${PRIVACY_VERSION}::int from users`;
    // Members are dealt round-robin over the branches: 20,000 in 400 branches is 50 each.
    await tx`
      insert into members (user_id, branch_id, gender, joined_on)
      select 1 + i, ${firstBranch}::int + (i - 1) % ${branches}::int, (case when i % 3 = 0 then 'female'
        else 'male' end)::gender, date '2010-07-01'
      from generate_series(1, ${members}::int) i`;

    await tx`
      insert into plans (county_id, month, title, starts_at, duration_minutes, published_by)
      values (1, to_char(${county.startsAt}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM'), '基准主题党日', ${county.startsAt}, ${county.durationMinutes}, 1)`;
    await tx`
      insert into activities (branch_id, plan_id, plan_version, type, title, starts_at, duration_minutes, created_by)
      select id, (select id from plans), 1, 'theme_day', '基准主题党日', ${county.startsAt}, ${county.durationMinutes}, 1
      from org_nodes where kind = 'branch'`;
    await tx`
      insert into attendance (activity_id, member_id, expected)
      select a.id, m.user_id, true from members m join activities a on a.branch_id = m.branch_id`;
  });
  await sql`analyze`;

  const rows = await sql<{ userId: number; name: string; branchId: number; branchPath: string; activityId: number }[]>`
    select m.user_id as "userId", u.name, m.branch_id as "branchId", o.path as "branchPath", a.id as "activityId"
    from members m join users u on u.id = m.user_id join org_nodes o on o.id = m.branch_id join activities a
      on a.branch_id = m.branch_id
    order by m.user_id`;
  const activities = await sql<SeededActivity[]>`select id, checkin_secret as secret from activities order by id`;
  return { members: [...rows], activities: [...activities] };
}
