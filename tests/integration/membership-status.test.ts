import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeActivity, markStep } from "@/db/queries/activity-run";
import {
  branchAway,
  confirmAwayReport,
  endAway,
  fileAwayReport,
  myAwayReport,
  remindAwayEnded,
  startAway,
} from "@/db/queries/away";
import { memberEventsOf, receiveFromOutside, recordMemberEvent } from "@/db/queries/member-events";
import { publishPlan } from "@/db/queries/plans";
import { monthlyBulletin } from "@/db/queries/point-views";
import { getMember, listRoster } from "@/db/queries/roster";
import { loadSessionUser } from "@/db/queries/session";
import { startTransfer } from "@/db/queries/transfers";
import { activities, activitySteps, attendance, notices } from "@/db/schema/activities";
import { awaySpells } from "@/db/schema/membership";
import { members, users } from "@/db/schema/users";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { shiftMonth } from "@/lib/time";
import { memberEventInput } from "@/lib/validation/membership";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let secretary: Scope;
let home: number;
const monthNow = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Active members of the home branch other than the secretary and the demo member, each test takes its own. */
let spare: number[] = [];
const take = () => spare.shift()!;

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  secretary = county.secretary;
  home = county.homeBranchId;
  const demoMember = await county.scopeOf(phones.member);
  const rows = await county.db
    .select({ userId: members.userId, category: members.category })
    .from(members)
    .where(
      and(
        eq(members.branchId, home),
        eq(members.active, true),
        eq(members.presence, "home"),
        ne(members.userId, secretary.userId),
        ne(members.userId, demoMember.userId),
      ),
    )
    .orderBy(members.userId);
  spare = rows.filter((r) => r.category === "formal").map((r) => r.userId);
}, 120_000);
afterAll(() => county.close());

describe("status changes", () => {
  it("转正 makes a probationary member full, dated and recorded; a full member cannot be made full", async () => {
    const [probationary] = await county.db
      .select({ userId: members.userId })
      .from(members)
      .where(
        and(eq(members.branchId, home), eq(members.category, "probationary"), ne(members.userId, secretary.userId)),
      );
    await recordMemberEvent(county.db, secretary, {
      memberId: probationary.userId,
      kind: "made_full",
      effectiveOn: today(),
      reference: "支部党员大会决议",
    });
    expect((await getMember(county.db, secretary, probationary.userId)).category).toBe("formal");
    expect((await memberEventsOf(county.db, secretary, probationary.userId)).map((e) => e.kind)).toEqual(["made_full"]);
    await expect(
      recordMemberEvent(county.db, secretary, {
        memberId: probationary.userId,
        kind: "made_full",
        effectiveOn: today(),
        reference: "再次",
      }),
    ).rejects.toMatchObject({ code: "conflict", message: t.membership.notProbationary });
  });

  it("a death closes the record from its day: earlier months still show the member, later ones and rosters do not", async () => {
    const memberId = take();
    const now = new Date();
    const soon = new Date(now.getTime() + 5 * 86_400_000);
    const { planId } = await publishPlan(county.db, admin, {
      title: "主题党日",
      startsAt: soon,
      durationMinutes: 90,
      materials: "",
      links: [],
      items: [{ title: "学习", mandatory: false }],
    });
    const [activity] = await county.db
      .select()
      .from(activities)
      .where(and(eq(activities.planId, planId), eq(activities.branchId, home)));
    const expectedIn = async () =>
      (await county.db.select().from(attendance).where(eq(attendance.activityId, activity.id))).map((r) => r.memberId);
    expect(await expectedIn()).toContain(memberId);
    const lastMonth = shiftMonth(monthNow(), -1);
    expect((await monthlyBulletin(county.db, secretary, home, lastMonth)).rows.map((r) => r.memberId)).toContain(
      memberId,
    );
    await recordMemberEvent(county.db, secretary, {
      memberId,
      kind: "died",
      effectiveOn: today(),
      reference: "家属告知",
    });
    expect(await expectedIn()).not.toContain(memberId);
    expect((await monthlyBulletin(county.db, secretary, home, lastMonth)).rows.map((r) => r.memberId)).toContain(
      memberId,
    );
    const nextMonth = shiftMonth(monthNow(), 1);
    expect((await monthlyBulletin(county.db, secretary, home, nextMonth)).rows.map((r) => r.memberId)).not.toContain(
      memberId,
    );
    const [user] = await county.db.select().from(users).where(eq(users.id, memberId));
    expect(user.active).toBe(false);
    expect((await loadSessionUser(county.db, memberId))!.scope.member).toBeNull();
    // Read-only from now on: still shown, no further change.
    expect((await getMember(county.db, secretary, memberId)).active).toBe(false);
    await expect(
      recordMemberEvent(county.db, secretary, { memberId, kind: "left_party", effectiveOn: today(), reference: "x" }),
    ).rejects.toMatchObject({ code: "conflict", message: t.membership.closedRecord });
  });

  it("a transfer out of the county needs its destination, closes the record and ends a pending transfer", async () => {
    const memberId = take();
    const parsed = memberEventInput.safeParse({
      memberId,
      kind: "transferred_out",
      effectiveOn: today(),
      reference: "组转字第12号",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].message).toBe(t.membership.destinationRequired);
    await startTransfer(county.db, secretary, { memberId, toBranchId: county.otherBranchId, reason: "调动" });
    await recordMemberEvent(county.db, secretary, {
      memberId,
      kind: "transferred_out",
      effectiveOn: today(),
      reference: "组转字第12号",
      counterpart: "外省某县委组织部",
    });
    const events = await memberEventsOf(county.db, secretary, memberId);
    expect(events[0]).toMatchObject({ kind: "transferred_out", counterpart: "外省某县委组织部" });
    expect((await listRoster(county.db, secretary, { branchId: home })).members.map((m) => m.userId)).not.toContain(
      memberId,
    );
    await expect(
      startTransfer(county.db, secretary, { memberId, toBranchId: county.otherBranchId, reason: "再转" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("a member from outside the county gets a new record from the letter", async () => {
    const { userId } = await receiveFromOutside(county.db, secretary, {
      branchId: home,
      name: "外来党员",
      phone: "13955551234",
      gender: "female",
      category: "formal",
      presence: "home",
      employment: "in_office",
      joinedOn: "2010-07-01",
      effectiveOn: today(),
      reference: "组转字第34号",
      counterpart: "邻县委组织部",
    });
    expect((await memberEventsOf(county.db, secretary, userId)).map((e) => e.kind)).toEqual(["transferred_in"]);
    await expect(memberEventsOf(county.db, await county.scopeOf(phones.member), userId)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("only the branch's roster managers record a change", async () => {
    await expect(
      recordMemberEvent(county.db, secretary, {
        memberId: county.foreignMemberId,
        kind: "left_party",
        effectiveOn: today(),
        reference: "x",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("members away", () => {
  it("an away member is never counted absent, and their confirmed report is visible to the secretary", async () => {
    const memberId = take();
    const until = new Date(Date.now() + 60 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await startAway(county.db, secretary, {
      memberId,
      place: "深圳市南山区",
      hostOrg: "某流动党员党支部",
      contact: "微信群",
      until,
    });
    await expect(startAway(county.db, secretary, { memberId, place: "又一处", until })).rejects.toMatchObject({
      code: "conflict",
      message: t.membership.alreadyAway,
    });
    const startsAt = new Date(Date.now() + 86_400_000);
    const published = new Date();
    const { planId } = await publishPlan(
      county.db,
      admin,
      {
        title: "外出党员参加",
        startsAt: new Date(Date.now() + 40 * 86_400_000),
        durationMinutes: 90,
        materials: "",
        links: [],
        items: [{ title: "学习", mandatory: false }],
      },
      published,
    );
    void startsAt;
    const [activity] = await county.db
      .select()
      .from(activities)
      .where(and(eq(activities.planId, planId), eq(activities.branchId, home)));
    const rowOf = async () =>
      (
        await county.db
          .select()
          .from(attendance)
          .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, memberId)))
      )[0];
    expect((await rowOf()).expected).toBe(false);
    const after = new Date(activity.startsAt.getTime() + 3 * 3600_000);
    const steps = await county.db.select().from(activitySteps).where(eq(activitySteps.activityId, activity.id));
    for (const step of steps.filter((s) => s.mandatory))
      await markStep(county.db, secretary, { stepId: step.id, done: true }, after);
    await closeActivity(county.db, secretary, { activityId: activity.id }, after);
    expect((await rowOf()).outcome).toBeNull();
    const self = (await loadSessionUser(county.db, memberId))!.scope;
    // Not before it has happened, whatever the phone's clock says: the server's time decides.
    const before = new Date(activity.startsAt.getTime() - 3600_000);
    expect((await myAwayReport(county.db, self, activity.id, before)).canReport).toBe(false);
    await expect(
      fileAwayReport(county.db, self, { activityId: activity.id, note: "提前报告" }, before),
    ).rejects.toMatchObject({ code: "conflict", message: t.membership.notStartedYet });
    expect(await myAwayReport(county.db, self, activity.id, after)).toEqual({ canReport: true, report: null });
    const { id } = await fileAwayReport(
      county.db,
      self,
      { activityId: activity.id, note: "在深圳参加了流动党员党支部的主题党日" },
      after,
    );
    expect(await myAwayReport(county.db, self, activity.id, after)).toMatchObject({
      canReport: false,
      report: { status: "pending" },
    });
    await expect(
      fileAwayReport(county.db, self, { activityId: activity.id, note: "再报一次" }, after),
    ).rejects.toMatchObject({
      code: "conflict",
      message: t.membership.alreadyReported,
    });
    // A member at home (expected) has nothing to report from elsewhere.
    const atHome = (await loadSessionUser(county.db, take()))!.scope;
    await expect(
      fileAwayReport(county.db, atHome, { activityId: activity.id, note: "我也在外面" }, after),
    ).rejects.toMatchObject({ code: "conflict", message: t.membership.notAwayThen });
    const seen = await branchAway(county.db, secretary, home);
    expect(seen.away.map((a) => a.memberId)).toContain(memberId);
    expect(seen.reports.find((r) => r.id === id)).toMatchObject({ status: "pending", memberId });
    await expect(branchAway(county.db, secretary, county.otherBranchId)).rejects.toMatchObject({ code: "forbidden" });
    const both = await Promise.allSettled([
      confirmAwayReport(county.db, secretary, { reportId: id }),
      confirmAwayReport(county.db, admin, { reportId: id }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await branchAway(county.db, secretary, home)).reports.find((r) => r.id === id)!.status).toBe("confirmed");
    expect((await rowOf()).outcome).toBeNull();
    await endAway(county.db, secretary, { memberId });
    expect((await getMember(county.db, secretary, memberId)).presence).toBe("home");
  });

  it("a member whose spell has run out is reminded once", async () => {
    const memberId = take();
    await startAway(county.db, secretary, { memberId, place: "杭州", until: today() });
    await county.db
      .update(awaySpells)
      .set({ until: "2020-01-01", startedOn: "2019-12-01" })
      .where(eq(awaySpells.memberId, memberId));
    const told = async () =>
      (await county.db.select().from(notices).where(eq(notices.userId, memberId))).filter(
        (n) => n.title === t.membership.notice.awayEnded,
      ).length;
    expect(await remindAwayEnded(county.db)).toBeGreaterThanOrEqual(1);
    expect(await remindAwayEnded(county.db)).toBe(0);
    expect(await told()).toBe(1);
  });
});
