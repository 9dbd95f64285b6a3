import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNode } from "@/db/queries/org";
import { publishPlan, revisePlan } from "@/db/queries/plans";
import { activities, activitySteps, attendance, notices } from "@/db/schema/activities";
import { orgNodes } from "@/db/schema/org";
import { members } from "@/db/schema/users";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
});
afterAll(() => county.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const plan = (startsAt: Date) => ({
  title: "学习贯彻全会精神",
  startsAt,
  durationMinutes: 120,
  materials: "原文学习",
  links: [],
  items: [
    { title: "集中学习", mandatory: false },
    { title: "谈心谈话", mandatory: true },
  ],
});

describe("publishing a plan", () => {
  it("creates one theme day per branch at the unified time, agenda and roster included, and notifies", async () => {
    const startsAt = inDays(10);
    const { planId, branches } = await publishPlan(county.db, admin, plan(startsAt));
    const all = await county.db.select({ n: count() }).from(orgNodes).where(eq(orgNodes.kind, "branch"));
    expect(branches).toBe(all[0].n);
    const made = await county.db.select().from(activities).where(eq(activities.planId, planId));
    expect(made).toHaveLength(branches);
    expect(new Set(made.map((a) => a.startsAt.getTime()))).toEqual(new Set([startsAt.getTime()]));

    const own = made.find((a) => a.branchId === county.homeBranchId)!;
    const steps = await county.db
      .select()
      .from(activitySteps)
      .where(eq(activitySteps.activityId, own.id))
      .orderBy(activitySteps.position);
    expect(steps.map((s) => [s.title, s.mandatory])).toEqual([
      ["重温入党誓词", true],
      ["集中学习", false],
      ["谈心谈话", true],
      ["集中缴纳党费", true],
    ]);
    const home = await county.db
      .select()
      .from(members)
      .where(and(eq(members.branchId, county.homeBranchId), eq(members.active, true)));
    const roster = await county.db.select().from(attendance).where(eq(attendance.activityId, own.id));
    expect(roster).toHaveLength(home.length);
    expect(roster.filter((r) => r.expected)).toHaveLength(home.filter((m) => m.presence === "home").length);
    const sent = await county.db.select().from(notices).where(eq(notices.activityId, own.id));
    expect(sent.map((n) => n.userId).sort()).toEqual(
      roster
        .filter((r) => r.expected)
        .map((r) => r.memberId)
        .sort(),
    );
  });

  it("refuses a time in the past, a second plan for the month, and non-admins", async () => {
    await expect(publishPlan(county.db, admin, plan(inDays(-1)))).rejects.toMatchObject({
      message: t.plans.inPast,
    });
    await expect(publishPlan(county.db, admin, plan(inDays(10)))).rejects.toMatchObject({ code: "conflict" });
    await expect(publishPlan(county.db, county.secretary, plan(inDays(40)))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("gives a branch created later its theme day too", async () => {
    const [first] = await county.db.select().from(orgNodes).where(eq(orgNodes.kind, "committee"));
    const branch = await createNode(county.db, admin, {
      parentId: first.id,
      kind: "branch",
      name: "新建党支部",
      retiredCadre: false,
    });
    const made = await county.db.select().from(activities).where(eq(activities.branchId, branch.id));
    expect(made).toHaveLength(1);
  });

  it("revises the time as a new version that every branch follows and is told about", async () => {
    const [own] = await county.db.select().from(activities).where(eq(activities.branchId, county.homeBranchId));
    const newStart = inDays(12);
    const result = await revisePlan(county.db, admin, { ...plan(newStart), planId: own.planId! });
    expect(result.version).toBe(2);
    const [moved] = await county.db.select().from(activities).where(eq(activities.id, own.id));
    expect(moved.startsAt.getTime()).toBe(newStart.getTime());
    expect(moved.planVersion).toBe(2);
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, own.id), eq(notices.kind, "plan_revision")));
    expect(told.length).toBeGreaterThan(0);
  });
});
