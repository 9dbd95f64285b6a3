import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityForSecretary, closeActivity, createMeeting, markStep, recordDues } from "@/db/queries/activity-run";
import { proxyCheckIn } from "@/db/queries/checkins";
import { complianceForMonth } from "@/db/queries/compliance";
import { declareBase } from "@/db/queries/dues-ledger";
import { activities, attendance } from "@/db/schema/activities";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { monthOf } from "@/lib/time";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let activityId: number;
let foreignActivityId: number;
const startsAt = new Date(Date.now() + 3 * 86_400_000);
const during = new Date(startsAt.getTime() + 20 * 60_000);

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  const day = await county.themeDay({ startsAt });
  activityId = day.activity.id;
  foreignActivityId = day.of(county.otherBranchId).id;
});
afterAll(() => county.close());

const view = () => activityForSecretary(county.db, county.secretary, activityId, during);

describe("running a theme day", () => {
  it("refuses steps and presence before the check-in window opens", async () => {
    const { steps, roster } = await view();
    const early = new Date(startsAt.getTime() - 3600_000);
    await expect(
      markStep(county.db, county.secretary, { stepId: steps[0].id, done: true }, early),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      proxyCheckIn(
        county.db,
        county.secretary,
        { activityId, memberId: roster[0].memberId, reason: "无智能手机" },
        early,
      ),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses to close while a mandatory step is open and names it", async () => {
    const { steps } = await view();
    await markStep(county.db, county.secretary, { stepId: steps[0].id, done: true, note: "全体起立重温" }, during);
    await expect(closeActivity(county.db, county.secretary, { activityId }, during)).rejects.toMatchObject({
      code: "conflict",
      message: "还有必选议程未完成：集中缴纳党费。",
    });
  });

  it("records proxy check-ins (late after 15 minutes) and dues only for members who are there", async () => {
    const { roster } = await view();
    const [first, second] = roster.filter((r) => r.expected);
    await proxyCheckIn(
      county.db,
      county.secretary,
      { activityId, memberId: first.memberId, reason: "无智能手机" },
      new Date(startsAt.getTime() + 60_000),
    );
    await proxyCheckIn(
      county.db,
      county.secretary,
      { activityId, memberId: second.memberId, reason: "手机没电" },
      during,
    );
    await declareBase(county.db, county.secretary, {
      memberId: first.memberId,
      kind: "in_work",
      fromMonth: monthOf(startsAt),
      baseFen: 2_500_00,
    });
    await recordDues(county.db, county.secretary, { activityId, memberId: first.memberId, amount: 1250 }, during);
    await expect(
      recordDues(
        county.db,
        county.secretary,
        { activityId, memberId: roster.filter((r) => r.expected)[2].memberId, amount: 100 },
        during,
      ),
    ).rejects.toMatchObject({
      message: t.run.duesNotPresent,
    });
    const after = await view();
    expect(after.roster.find((r) => r.memberId === first.memberId)).toMatchObject({
      outcome: "present",
      source: "proxy",
      duesFen: 1250,
    });
    expect(after.roster.find((r) => r.memberId === second.memberId)).toMatchObject({ outcome: "late" });
  });

  it("closes once every mandatory step is done, and every expected member has exactly one outcome", async () => {
    const { steps } = await view();
    for (const s of steps.filter((s) => !s.doneAt))
      await markStep(county.db, county.secretary, { stepId: s.id, done: true }, during);
    const { absent } = await closeActivity(county.db, county.secretary, { activityId }, during);
    const rows = await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activityId), eq(attendance.expected, true)));
    expect(rows.every((r) => r.outcome !== null)).toBe(true);
    expect(rows.filter((r) => r.outcome === "absent")).toHaveLength(absent);
    // The two proxy check-ins, and the secretary who ran and closed it (主持).
    expect(rows.filter((r) => r.outcome === "present" || r.outcome === "late")).toHaveLength(3);
    expect(rows.find((r) => r.memberId === county.secretary.userId)).toMatchObject({
      outcome: "present",
      source: "host",
    });
    await expect(closeActivity(county.db, county.secretary, { activityId }, during)).rejects.toMatchObject({
      message: t.run.closed,
    });
    await expect(
      proxyCheckIn(county.db, county.secretary, { activityId, memberId: rows[0].memberId, reason: "补录" }, during),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("shows the county each branch's compliance, deviations included", async () => {
    const after = new Date(startsAt.getTime() + 5 * 3600_000);
    const { rows } = await complianceForMonth(county.db, admin, monthOf(startsAt), after);
    const own = rows.find((r) => r.activityId === activityId)!;
    expect(own).toMatchObject({ timing: "on_time", status: "closed", openSteps: 0, attended: 3, deviation: false });
    const other = rows.find((r) => r.activityId === foreignActivityId)!;
    expect(other).toMatchObject({ status: "scheduled", phase: "ended", deviation: true });
    await expect(complianceForMonth(county.db, county.secretary, monthOf(startsAt))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("scope", () => {
  it("keeps a secretary out of another branch's activity, and says so for an unknown one", async () => {
    const s = county.secretary;
    await expect(activityForSecretary(county.db, s, 999_999, during)).rejects.toMatchObject({ code: "not_found" });
    await expect(activityForSecretary(county.db, s, foreignActivityId, during)).rejects.toMatchObject({
      code: "forbidden",
    });
    const { steps, roster } = await activityForSecretary(county.db, admin, foreignActivityId, during);
    await expect(markStep(county.db, s, { stepId: steps[0].id, done: true }, during)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      proxyCheckIn(
        county.db,
        s,
        { activityId: foreignActivityId, memberId: roster[0].memberId, reason: "代签" },
        during,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(closeActivity(county.db, s, { activityId: foreignActivityId }, during)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      createMeeting(county.db, s, {
        branchId: county.otherBranchId,
        type: "party_lecture",
        title: "党课",
        startsAt,
        durationMinutes: 60,
        links: [],
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets a secretary hold 三会一课 at a time of their choosing, in the future only", async () => {
    const { activityId: id } = await createMeeting(county.db, county.secretary, {
      branchId: county.homeBranchId,
      type: "party_lecture",
      title: "书记讲党课",
      startsAt,
      durationMinutes: 60,
      place: "党员活动室",
      links: [],
    });
    const [made] = await county.db.select().from(activities).where(eq(activities.id, id));
    expect(made).toMatchObject({ type: "party_lecture", planId: null });
    await expect(
      createMeeting(county.db, county.secretary, {
        branchId: county.homeBranchId,
        type: "party_lecture",
        title: "x",
        startsAt: new Date(Date.now() - 1000),
        durationMinutes: 60,
        links: [],
      }),
    ).rejects.toMatchObject({ message: t.plans.inPast });
  });
});
