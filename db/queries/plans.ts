import { and, asc, desc, eq, gt, inArray, isNull, notExists, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { countyGrant, isUnder } from "@/lib/scope-paths";
import { formatWhen, monthOf } from "@/lib/time";
import type { PublishPlan } from "@/lib/validation/plans";
import type { Db } from "../open";
import {
  activities,
  activitySteps,
  type Plan,
  type PlanItem,
  planItems,
  plans,
  scheduleChanges,
} from "../schema/activities";
import { orgNodes } from "../schema/org";
import { branchesUnder, insertActivity, syncRoster } from "./activities";
import { writeAudit } from "./audit";
import { notify } from "./notify";
import { armReminders } from "./reminders";

/** The county node the caller administers; plans belong to it. */
function countyOf(scope: Scope) {
  return countyGrant(scope);
}

/**
 * Oath renewal and dues collection are always on the agenda and always mandatory
 * (docs/architecture.md#the-theme-days-rules).
 */
function fullAgenda(items: PublishPlan["items"]) {
  return [
    { kind: "oath" as const, title: t.plans.oath, mandatory: true },
    ...items.map((i) => ({ kind: "custom" as const, title: i.title, mandatory: i.mandatory })),
    { kind: "dues" as const, title: t.plans.dues, mandatory: true },
  ];
}

const stepsOf = (items: Pick<PlanItem, "kind" | "title" | "mandatory">[]) =>
  items.map(({ kind, title, mandatory }) => ({ kind, title, mandatory }));

/** The plan's own fields as the county typed them, for its first version and each revision. */
const planFields = (input: PublishPlan) => ({
  title: input.title,
  startsAt: input.startsAt,
  durationMinutes: input.durationMinutes,
  place: input.place ?? "",
  materials: input.materials,
  links: input.links,
});

/** Publishes the month's plan and creates the theme day of every branch in the county at the unified time. */
export async function publishPlan(db: Db, scope: Scope, input: PublishPlan, now = new Date()) {
  const county = countyOf(scope);
  if (input.startsAt <= now) throw new AppError("bad_request", t.plans.inPast, { startsAt: t.plans.inPast });
  const month = monthOf(input.startsAt);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.countyId, county.nodeId), eq(plans.month, month)));
    if (taken) throw new AppError("conflict", t.plans.monthTaken);
    const [plan] = await tx
      .insert(plans)
      .values({
        countyId: county.nodeId,
        month,
        ...planFields(input),
        publishedBy: scope.userId,
      })
      .returning();
    const agenda = fullAgenda(input.items);
    await tx.insert(planItems).values(agenda.map((item, i) => ({ ...item, planId: plan.id, position: i + 1 })));
    const branches = await branchesUnder(tx, county.path);
    for (const branch of branches) await createFromPlan(tx, plan, agenda, branch.id, scope.userId, now);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "plan.publish",
      targetType: "plan",
      targetId: plan.id,
      nodePath: county.path,
      detail: { month, branches: branches.length },
    });
    return { planId: plan.id, branches: branches.length };
  });
}

function createFromPlan(
  tx: Db,
  plan: Plan,
  agenda: Pick<PlanItem, "kind" | "title" | "mandatory">[],
  branchId: number,
  createdBy: number,
  now: Date,
) {
  return insertActivity(
    tx,
    {
      branchId,
      type: "theme_day",
      title: plan.title,
      startsAt: plan.startsAt,
      durationMinutes: plan.durationMinutes,
      place: plan.place,
      materials: plan.materials,
      links: plan.links,
      planId: plan.id,
      planVersion: plan.version,
      steps: stepsOf(agenda),
      createdBy,
    },
    now,
  );
}

/** A branch created after a plan was published still gets that plan's theme day, if it has not started. */
export async function createPlannedActivities(
  tx: Db,
  branch: { id: number; path: string },
  createdBy: number,
  now = new Date(),
) {
  const upcoming = await tx
    .select()
    .from(plans)
    .innerJoin(orgNodes, eq(orgNodes.id, plans.countyId))
    .where(gt(plans.startsAt, now));
  for (const { plans: plan, org_nodes: county } of upcoming) {
    if (!isUnder(branch.path, county.path)) continue;
    const items = await tx
      .select()
      .from(planItems)
      .where(eq(planItems.planId, plan.id))
      .orderBy(asc(planItems.position));
    await createFromPlan(tx, plan, items, branch.id, createdBy, now);
  }
}

/**
 * A new version of a plan: time, duration, materials and agenda. Every theme day made from it that has not
 * started and not been moved by an approved schedule change follows; every branch's members are told.
 */
export async function revisePlan(db: Db, scope: Scope, input: PublishPlan & { planId: number }, now = new Date()) {
  const county = countyOf(scope);
  if (input.startsAt <= now) throw new AppError("bad_request", t.plans.inPast, { startsAt: t.plans.inPast });
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.id, input.planId), eq(plans.countyId, county.nodeId)));
    if (!plan) throw new AppError("not_found");
    if (plan.startsAt <= now) throw new AppError("bad_request", t.plans.started);
    const [updated] = await tx
      .update(plans)
      .set({
        ...planFields(input),
        version: plan.version + 1,
        month: monthOf(input.startsAt),
      })
      .where(eq(plans.id, plan.id))
      .returning();
    const agenda = fullAgenda(input.items);
    await tx.delete(planItems).where(eq(planItems.planId, plan.id));
    await tx.insert(planItems).values(agenda.map((item, i) => ({ ...item, planId: plan.id, position: i + 1 })));

    const moved = tx
      .select({ id: scheduleChanges.id })
      .from(scheduleChanges)
      .where(and(eq(scheduleChanges.activityId, activities.id), eq(scheduleChanges.status, "approved")));
    const following = await tx
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.planId, plan.id),
          eq(activities.status, "scheduled"),
          gt(activities.startsAt, now),
          notExists(moved),
        ),
      );
    const ids = following.map((a) => a.id);
    if (ids.length) {
      await tx
        .update(activities)
        .set({
          title: updated.title,
          startsAt: updated.startsAt,
          durationMinutes: updated.durationMinutes,
          // A branch that set its own place keeps it; one still at the plan's default follows the new default.
          place: sql`case when ${activities.place} = ${plan.place} then ${updated.place} else ${activities.place} end`,
          materials: updated.materials,
          links: updated.links,
          planVersion: updated.version,
        })
        .where(inArray(activities.id, ids));
      // Steps not yet done are replaced by the new agenda; nothing is done before the start anyway.
      await tx.delete(activitySteps).where(and(inArray(activitySteps.activityId, ids), isNull(activitySteps.doneAt)));
      for (const activity of following) {
        await tx
          .insert(activitySteps)
          .values(stepsOf(agenda).map((s, i) => ({ ...s, activityId: activity.id, position: i + 1 })))
          .onConflictDoNothing();
        const expected = await syncRoster(tx, { ...activity, startsAt: updated.startsAt }, now);
        await armReminders(tx, { id: activity.id, startsAt: updated.startsAt }, now);
        await notify(tx, expected, {
          kind: "plan_revision",
          activityId: activity.id,
          title: t.plans.revisionNotice(updated.title),
          body: `${t.plans.version(updated.version)}：${formatWhen(updated.startsAt)}`,
        });
      }
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "plan.revise",
      targetType: "plan",
      targetId: plan.id,
      nodePath: county.path,
      detail: { version: updated.version, from: plan.startsAt, to: updated.startsAt, activities: ids.length },
    });
    return { version: updated.version, activities: ids.length };
  });
}

export async function listPlans(db: Db, scope: Scope) {
  const county = countyOf(scope);
  return db.select().from(plans).where(eq(plans.countyId, county.nodeId)).orderBy(desc(plans.startsAt));
}

export async function getPlan(db: Db, scope: Scope, planId: number) {
  const county = countyOf(scope);
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.countyId, county.nodeId)));
  if (!plan) throw new AppError("not_found");
  const items = await db.select().from(planItems).where(eq(planItems.planId, plan.id)).orderBy(asc(planItems.position));
  return { plan, items };
}
