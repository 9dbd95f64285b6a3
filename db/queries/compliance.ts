import { and, asc, eq, sql } from "drizzle-orm";
import { activityPhase } from "@/lib/activity-phase";
import type { Scope } from "@/lib/scope";
import { countyGrant } from "@/lib/scope-paths";
import type { Db } from "../open";
import { activities, plans } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { pathUnder } from "./scope-sql";

/**
 * The county's view of one month's theme day, branch by branch: on the unified time or an
 * approved change, attendance rate, mandatory steps complete, closed. Computed from the records, not typed.
 */
export async function complianceForMonth(db: Db, scope: Scope, month: string, now = new Date()) {
  const county = countyGrant(scope);
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.countyId, county.nodeId), eq(plans.month, month)));
  if (!plan) return { plan: null, rows: [] };

  const rows = await db
    .select({
      branchId: orgNodes.id,
      branchName: orgNodes.name,
      activityId: activities.id,
      startsAt: activities.startsAt,
      durationMinutes: activities.durationMinutes,
      status: activities.status,
      moved: sql<boolean>`exists (select 1 from schedule_changes c where c.activity_id = ${activities.id}
        and c.status = 'approved')`,
      expected: sql<number>`(select count(*)::int from attendance a where a.activity_id = ${activities.id}
        and a.expected)`,
      attended: sql<number>`(select count(*)::int from attendance a where a.activity_id = ${activities.id}
        and a.expected and a.outcome in ('present', 'late'))`,
      onLeave: sql<number>`(select count(*)::int from attendance a where a.activity_id = ${activities.id}
        and a.expected and a.outcome = 'leave')`,
      openSteps: sql<number>`(select count(*)::int from activity_steps s where s.activity_id = ${activities.id}
        and s.mandatory and s.done_at is null)`,
    })
    .from(orgNodes)
    .leftJoin(activities, and(eq(activities.branchId, orgNodes.id), eq(activities.planId, plan.id)))
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, [county.path])))
    .orderBy(asc(orgNodes.path));

  return {
    plan,
    rows: rows.map((r) => {
      const timing: "missing" | "on_time" | "moved" | "off_time" = !r.startsAt
        ? "missing"
        : r.startsAt.getTime() === plan.startsAt.getTime()
          ? "on_time"
          : r.moved
            ? "moved"
            : "off_time";
      const phase =
        r.startsAt && r.status && r.durationMinutes != null
          ? activityPhase({ status: r.status, startsAt: r.startsAt, durationMinutes: r.durationMinutes }, now)
          : null;
      const ended = phase === "ended";
      const rate = r.status === "closed" && r.expected > 0 ? r.attended / r.expected : null;
      return {
        ...r,
        timing,
        rate,
        phase,
        /** What the county should look at: a time not approved, mandatory steps left, not closed in time. */
        deviation: timing === "missing" || timing === "off_time" || (phase === "closed" && r.openSteps > 0) || ended,
      };
    }),
  };
}
