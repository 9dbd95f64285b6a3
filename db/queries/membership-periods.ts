import { Column, getTableName, is, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { memberTransfers } from "../schema/membership";
import { members } from "../schema/users";

/**
 * Where a member was, when (docs/architecture.md#membership-history). `members.branchId` is the branch now;
 * each accepted transfer closes a span in the branch it left. So a member's spans are
 *   [previous transfer, this transfer) in this transfer's sending branch, for each accepted transfer, and
 *   [last transfer, left) in the branch now,
 * with open ends as null. A record switched off without a date (the roster's deactivate) has no current
 * span: reports never showed such members, and still do not. Reports ask these helpers, never
 * `members.branchId`, so a past month shows the member in the branch they were in then.
 */

type Expr = AnyPgColumn | SQL | number;

const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/**
 * A column always written with its table: drizzle leaves the table out in a one-table select list, where a
 * bare "member_id" inside these subqueries would name the subquery's own column instead.
 */
function ref(expr: Expr): SQL | number {
  if (!is(expr, Column)) return expr as SQL | number;
  const column = expr as AnyPgColumn;
  const name = column.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(name)}`;
}

/** Every member's spans: (member_id, branch_id, span_from, span_to), a relation to select from. */
const spans = sql`(
  select x.member_id, x.from_branch_id as branch_id,
    lag(x.decided_at) over (partition by x.member_id order by x.decided_at, x.id) as span_from,
    x.decided_at as span_to
  from ${memberTransfers} x where x.status = 'accepted'
  union all
  select y.user_id, y.branch_id,
    (select max(z.decided_at) from ${memberTransfers} z where z.member_id = y.user_id and z.status = 'accepted'),
    case when y.active then null else coalesce(y.left_at, '-infinity'::timestamptz) end
  from ${members} y
)`;

/** The member was in the branch at some instant of [from, to). */
export const inBranchDuring = (memberId: Expr, branchId: Expr, from: Date, to: Date): SQL =>
  sql`exists (select 1 from ${spans} s where s.member_id = ${ref(memberId)} and s.branch_id = ${ref(branchId)}
    and (s.span_from is null or s.span_from < ${iso(to)}) and (s.span_to is null or s.span_to > ${iso(from)}))`;

/** The member was in the branch at the instant `at`. */
export const inBranchAt = (memberId: Expr, branchId: Expr, at: Date | SQL): SQL => {
  const when = at instanceof Date ? iso(at) : at;
  return sql`exists (select 1 from ${spans} s where s.member_id = ${ref(memberId)} and s.branch_id = ${ref(branchId)}
    and (s.span_from is null or s.span_from <= ${when}) and (s.span_to is null or s.span_to > ${when}))`;
};

/**
 * The branch the member belonged to at `at`: the sending branch of the first transfer accepted after it,
 * else the branch now. What a record of that instant (points, hours) is counted under.
 */
export const branchAt = (member: Expr, at: Date | SQL): SQL<number> => {
  const when = at instanceof Date ? iso(at) : at;
  const memberId = ref(member);
  return sql<number>`coalesce(
    (select t.from_branch_id from ${memberTransfers} t where t.member_id = ${memberId} and t.status = 'accepted'
      and t.decided_at > ${when} order by t.decided_at, t.id limit 1),
    (select m.branch_id from ${members} m where m.user_id = ${memberId}))`;
};

/** A calendar day (a `date` column) as the instant it begins in Shanghai, to ask where a member was that day. */
export const dayStart = (day: AnyPgColumn | SQL): SQL => sql`(${ref(day)}::timestamp at time zone 'Asia/Shanghai')`;
