import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setActivityPlace } from "@/db/queries/activity-place";
import { activityForSecretary, closeActivity, listBranchActivities, markStep } from "@/db/queries/activity-run";
import { complianceForMonth } from "@/db/queries/compliance";
import { activityForMember, myActivities, nextActivity } from "@/db/queries/member-activities";
import { publishPlan, revisePlan } from "@/db/queries/plans";
import { activities, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { monthOf } from "@/lib/time";
import { setPlaceInput } from "@/lib/validation/activities";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let member: Scope;
let planId: number;
let own: typeof activities.$inferSelect;
let other: typeof activities.$inferSelect;
const startsAt = new Date(Math.ceil((Date.now() + 5 * 86_400_000) / 3_600_000) * 3_600_000);
const plan = {
  title: "地点测试",
  startsAt,
  durationMinutes: 90,
  place: t.plans.placeDefault,
  materials: "",
  links: [],
  items: [{ title: "学习", mandatory: false }],
};

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  member = await county.scopeOf(phones.member);
  ({ planId } = await publishPlan(county.db, admin, plan));
  const made = await county.db.select().from(activities).where(eq(activities.planId, planId));
  own = made.find((a) => a.branchId === county.homeBranchId)!;
  other = made.find((a) => a.branchId === county.otherBranchId)!;
});
afterAll(() => county.close());

const noticesOf = (userId: number, kind: "place_change" | "activity") =>
  county.db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.activityId, own.id), eq(notices.kind, kind)));

describe("the place of a theme day", () => {
  it("starts as the plan's default place, in every branch and in the first notice", async () => {
    expect(own.place).toBe(t.plans.placeDefault);
    expect(other.place).toBe(t.plans.placeDefault);
    const [first] = await noticesOf(member.userId, "activity");
    expect(first.body).toContain(t.plans.placeDefault);
  });

  it("is set by the branch's secretary: audited, the expected members told, the time untouched", async () => {
    const answer = await setActivityPlace(county.db, county.secretary, {
      activityId: own.id,
      place: "东街社区党群服务中心三楼",
    });
    expect(answer).toMatchObject({ changed: true });
    const [row] = await county.db.select().from(activities).where(eq(activities.id, own.id));
    expect(row.place).toBe("东街社区党群服务中心三楼");
    expect(row.startsAt.getTime()).toBe(startsAt.getTime());
    const [audit] = await county.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "activity.place"))
      .orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ actorId: county.secretary.userId, targetId: String(own.id) });
    expect(audit.detail).toMatchObject({ from: t.plans.placeDefault, to: "东街社区党群服务中心三楼" });
    const told = await noticesOf(member.userId, "place_change");
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe(t.run.placeNotice);
    expect(told[0].body).toContain("东街社区党群服务中心三楼");
    expect((await activityForMember(county.db, member, own.id)).activity.place).toBe("东街社区党群服务中心三楼");
  });

  it("tells nobody again when the place is saved unchanged", async () => {
    expect(
      await setActivityPlace(county.db, county.secretary, { activityId: own.id, place: "东街社区党群服务中心三楼" }),
    ).toMatchObject({ changed: false });
    expect(await noticesOf(member.userId, "place_change")).toHaveLength(1);
  });

  it("is refused to the secretary of another branch, to a member and to the committee above", async () => {
    await expect(
      setActivityPlace(county.db, county.secretary, { activityId: other.id, place: "越权" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(setActivityPlace(county.db, member, { activityId: own.id, place: "越权" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const committee = await county.scopeOf(phones.committeeAdmin);
    await expect(setActivityPlace(county.db, committee, { activityId: own.id, place: "越权" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("refuses a place over 60 characters at the boundary, with the Chinese message", () => {
    const parsed = setPlaceInput.safeParse({ activityId: String(own.id), place: "地".repeat(61) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(t.run.place);
    expect(setPlaceInput.parse({ activityId: String(own.id), place: "  会议室  " }).place).toBe("会议室");
  });

  it("follows a revised default only where the branch kept the plan's default", async () => {
    await revisePlan(county.db, admin, { ...plan, planId, place: "各支部党员活动室" });
    const rows = await county.db.select().from(activities).where(eq(activities.planId, planId));
    expect(rows.find((a) => a.id === own.id)!.place).toBe("东街社区党群服务中心三楼");
    expect(rows.find((a) => a.id === other.id)!.place).toBe("各支部党员活动室");
  });
});

describe("the phase every screen shows, decided by the server's clock", () => {
  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
  const phases = async (now: Date) => ({
    memberList: await myActivities(county.db, member, now).then(
      ({ upcoming, past }) => [...upcoming, ...past].find((a) => a.id === own.id)?.phase,
    ),
    memberPage: (await activityForMember(county.db, member, own.id, now)).activity.phase,
    home: (await nextActivity(county.db, member, now))?.phase,
    secretaryList: (await listBranchActivities(county.db, county.secretary, county.homeBranchId, now)).activities.find(
      (a) => a.id === own.id,
    )?.phase,
    secretaryPage: (await activityForSecretary(county.db, county.secretary, own.id, now)).phase,
    compliance: (await complianceForMonth(county.db, admin, monthOf(startsAt), now)).rows.find(
      (r) => r.activityId === own.id,
    )?.phase,
  });
  const without = <T extends object>(key: keyof T, o: T) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
  const all = (phase: string) => ({
    memberList: phase,
    memberPage: phase,
    home: phase,
    secretaryList: phase,
    secretaryPage: phase,
    compliance: phase,
  });

  it("is 待开展 inside the check-in window before the start, 进行中 from the start to the planned end", async () => {
    expect(await phases(at(-20))).toEqual(all("upcoming"));
    expect(await phases(at(0))).toEqual(all("running"));
    expect(await phases(at(89))).toEqual(all("running"));
  });

  it("is 待结束 past the planned end until closed, then 已结束", async () => {
    // The home shows only an activity not yet over, which this one no longer is.
    const { home, ...after } = await phases(at(90));
    expect(home).toBeUndefined();
    expect(after).toEqual(without("home", all("ended")));
    const { steps } = await activityForSecretary(county.db, county.secretary, own.id, at(10));
    for (const s of steps) await markStep(county.db, county.secretary, { stepId: s.id, done: true }, at(10));
    await closeActivity(county.db, county.secretary, { activityId: own.id }, at(30));
    const { home: _, ...closed } = await phases(at(30));
    expect(closed).toEqual(without("home", all("closed")));
  });

  it("refuses a new place once closed", async () => {
    await expect(
      setActivityPlace(county.db, county.secretary, { activityId: own.id, place: "别处" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
