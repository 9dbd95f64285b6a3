import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { activityForSecretary, closeActivity, markStep } from "@/db/queries/activity-run";
import { disputeCheckin, openDisputes, reviewOfflineCheckin, settleDispute } from "@/db/queries/checkin-review";
import { checkIn, myCheckin, proxyCheckIn } from "@/db/queries/checkins";
import { myActivities } from "@/db/queries/member-activities";
import { publishPlan } from "@/db/queries/plans";
import { activities, attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { checkinDisputes, checkins } from "@/db/schema/checkins";
import { pointEntries } from "@/db/schema/points";
import { users } from "@/db/schema/users";
import { checkinMarks } from "@/lib/checkin-marks";
import { codeFor, stepAt } from "@/lib/checkin-token";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

// The export route takes its caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
const exportRoute = await import("@/app/api/v1/activities/[activityId]/attendance/export/route");

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let activity: typeof activities.$inferSelect;
let people: number[];
const startsAt = new Date(Date.now() + 2 * 86_400_000);
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  const admin = await county.scopeOf(phones.countyAdmin);
  const { planId } = await publishPlan(county.db, admin, {
    title: "复核测试",
    startsAt,
    durationMinutes: 120,
    materials: "",
    links: [],
    items: [{ title: "学习", mandatory: false }],
  });
  [activity] = await county.db
    .select()
    .from(activities)
    .where(and(eq(activities.planId, planId), eq(activities.branchId, county.homeBranchId)));
  people = (await county.homeMembers(50)).map((p) => p.userId);
  const { steps } = await activityForSecretary(county.db, county.secretary, activity.id, at(1));
  for (const s of steps.filter((s) => s.mandatory))
    await markStep(county.db, county.secretary, { stepId: s.id, done: true }, at(1));
});
afterAll(() => county.close());

const offlineScan = async (memberId: number, scannedAt: Date, arrives: Date) => {
  const step = stepAt(scannedAt.getTime());
  const code = await codeFor(activity.checkinSecret, activity.id, step);
  return checkIn(
    county.db,
    { ...member, userId: memberId },
    { activityId: activity.id, step, code, clientId: randomUUID(), scannedAt },
    arrives,
  );
};
const outcomeOf = async (memberId: number) => {
  const [row] = await county.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, memberId)));
  return row;
};
const checkinOf = async (memberId: number) => {
  const [row] = await county.db
    .select()
    .from(checkins)
    .where(and(eq(checkins.activityId, activity.id), eq(checkins.memberId, memberId)));
  return row;
};
const audited = (action: string) =>
  county.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, county.secretary.userId)));
const toldTo = (memberId: number) =>
  county.db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, memberId), eq(notices.activityId, activity.id)));

describe("flagged check-ins are shown as such", () => {
  it("in the export (proxy, offline awaiting review) and in the member's own history", async () => {
    const [offline, proxied] = people.slice(-2);
    await offlineScan(offline, at(2), at(30));
    await proxyCheckIn(
      county.db,
      county.secretary,
      { activityId: activity.id, memberId: proxied, reason: "行动不便" },
      at(6),
    );
    session.ctx = { db: county.db, scope: county.secretary };
    const response = await exportRoute.GET(
      new Request(`http://localhost/api/v1/activities/${activity.id}/attendance/export`),
      { params: Promise.resolve({ activityId: String(activity.id) }) },
    );
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow(
      (row, n) => n > 2 && rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))),
    );
    const [{ name: offlineName }] = await county.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, offline));
    const rowOf = (name: string) => rows.find((r) => r[0] === name)!;
    expect(rowOf(offlineName)[5]).toBe(t.checkinReview.offlinePendingTag);
    expect(
      rows.some(
        (r) => r[3] === t.checkinReview.sheet.method.proxy && r[5] === t.checkinReview.proxyTag && r[7] === "行动不便",
      ),
    ).toBe(true);
    session.ctx = { db: county.db, scope: await county.scopeOf("13800000013") };
    expect(
      (
        await exportRoute.GET(new Request("http://localhost/x"), {
          params: Promise.resolve({ activityId: String(activity.id) }),
        })
      ).status,
    ).toBe(403);

    const history = async (id: number) => {
      const { upcoming, past } = await myActivities(county.db, { ...member, userId: id }, at(60));
      return [...upcoming, ...past].find((a) => a.id === activity.id)!;
    };
    expect(checkinMarks(await history(proxied))).toEqual(["proxy"]);
    expect(checkinMarks(await history(offline))).toEqual(["offlinePending"]);
    await reviewOfflineCheckin(county.db, county.secretary, {
      checkinId: (await checkinOf(offline)).id,
      decision: "confirm",
    });
    expect(checkinMarks(await history(offline))).toEqual(["offline"]);
  });
});

describe("closing waits for what the app cannot vouch for", () => {
  it("refuses to close with an offline check-in not yet reviewed, naming the member; a rejected one is taken back", async () => {
    const [kept, refused] = people;
    await offlineScan(kept, at(3), at(40));
    await offlineScan(refused, at(4), at(41));
    await expect(closeActivity(county.db, county.secretary, { activityId: activity.id }, at(50))).rejects.toMatchObject(
      { code: "conflict", message: expect.stringContaining(t.checkinReview.unreviewedOffline([]).slice(0, 8)) },
    );

    await reviewOfflineCheckin(county.db, county.secretary, {
      checkinId: (await checkinOf(kept)).id,
      decision: "confirm",
    });
    await reviewOfflineCheckin(county.db, county.secretary, {
      checkinId: (await checkinOf(refused)).id,
      decision: "reject",
      note: "当天未见到本人",
    });
    await expect(
      reviewOfflineCheckin(county.db, county.secretary, {
        checkinId: (await checkinOf(refused)).id,
        decision: "confirm",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await checkinOf(kept)).toMatchObject({ review: "confirmed", reviewedBy: county.secretary.userId });
    expect(await outcomeOf(kept)).toMatchObject({ outcome: "present" });
    expect(await checkinOf(refused)).toMatchObject({ review: "rejected" });
    expect(await outcomeOf(refused)).toMatchObject({ outcome: null });
    expect((await toldTo(refused)).map((n) => n.title)).toContain(t.checkinReview.rejectedNotice(activity.title));
    expect(await audited("checkin.offline_reject")).toHaveLength(1);
    // The member's own view says it no longer counts.
    expect(await myCheckin(county.db, { ...member, userId: refused }, activity.id)).toMatchObject({
      offline: true,
      review: "rejected",
    });
  });

  it("refuses to close with an open dispute; settling it removes or keeps the proxy check-in, with a note, audited, told", async () => {
    const [, , removed, kept] = people;
    for (const who of [removed, kept]) {
      await proxyCheckIn(
        county.db,
        county.secretary,
        { activityId: activity.id, memberId: who, reason: "无智能手机" },
        at(5),
      );
      await disputeCheckin(
        county.db,
        { ...member, userId: who },
        { checkinId: (await checkinOf(who)).id, reason: "我当天不在" },
      );
    }
    const open = await openDisputes(county.db, county.secretary, county.homeBranchId);
    expect(open.map((d) => d.activityId)).toEqual([activity.id, activity.id]);
    await expect(closeActivity(county.db, county.secretary, { activityId: activity.id }, at(50))).rejects.toMatchObject(
      { code: "conflict", message: expect.stringContaining("代签异议未处理") },
    );
    await expect(
      openDisputes(county.db, await county.scopeOf("13800000013"), county.homeBranchId),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      settleDispute(county.db, await county.scopeOf("13800000013"), {
        disputeId: open[0].id,
        decision: "remove",
        note: "越权",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const idOf = async (who: number) =>
      (
        await county.db
          .select({ id: checkinDisputes.id })
          .from(checkinDisputes)
          .where(eq(checkinDisputes.memberId, who))
      )[0].id;
    await settleDispute(county.db, county.secretary, {
      disputeId: await idOf(removed),
      decision: "remove",
      note: "已核实本人不在",
    });
    await settleDispute(county.db, county.secretary, {
      disputeId: await idOf(kept),
      decision: "keep",
      note: "签到表有本人签名",
    });
    await expect(
      settleDispute(county.db, county.secretary, { disputeId: await idOf(kept), decision: "remove", note: "再次" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await outcomeOf(removed)).toMatchObject({ outcome: null });
    expect(await myCheckin(county.db, { ...member, userId: removed }, activity.id)).toMatchObject({
      method: "proxy",
      dispute: "upheld",
    });
    expect(await outcomeOf(kept)).toMatchObject({ outcome: "present", source: "proxy" });
    expect((await toldTo(removed)).map((n) => n.title)).toContain(t.checkinReview.removedNotice(activity.title));
    expect((await audited("checkin.dispute_remove"))[0]).toMatchObject({
      detail: expect.objectContaining({ note: "已核实本人不在" }),
    });
    expect(await openDisputes(county.db, county.secretary, county.homeBranchId)).toHaveLength(0);
  });

  it("closes then, counting the secretary who closes it present as host (audited), the rejected and removed absent", async () => {
    await closeActivity(county.db, county.secretary, { activityId: activity.id }, at(50));
    expect(await outcomeOf(county.secretary.userId)).toMatchObject({ outcome: "present", source: "host" });
    expect(await audited("attendance.host")).toHaveLength(1);
    expect(await outcomeOf(people[1])).toMatchObject({ outcome: "absent" });
    expect(await outcomeOf(people[2])).toMatchObject({ outcome: "absent" });
  });

  it("settles a dispute raised after closing: removing makes the member absent and reverses what it earned", async () => {
    // A proxy check-in cannot be made once closed: the dispute kept before is raised again.
    await county.db
      .update(checkinDisputes)
      .set({ status: "open", resolvedBy: null, resolvedAt: null })
      .where(eq(checkinDisputes.memberId, people[3]));
    const [dispute] = await county.db.select().from(checkinDisputes).where(eq(checkinDisputes.memberId, people[3]));
    const points = async () =>
      (
        await county.db
          .select({ p: pointEntries.points })
          .from(pointEntries)
          .where(
            and(
              eq(pointEntries.memberId, people[3]),
              eq(pointEntries.sourceType, "attendance"),
              eq(pointEntries.sourceId, (await outcomeOf(people[3])).id),
            ),
          )
      ).reduce((sum, r) => sum + Number(r.p), 0);
    const before = await points();
    expect(before).toBeGreaterThan(0);
    await settleDispute(county.db, county.secretary, { disputeId: dispute.id, decision: "remove", note: "复核后撤销" });
    expect(await outcomeOf(people[3])).toMatchObject({ outcome: "absent" });
    expect(await points()).toBeLessThan(0);
  });
});
