import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notify } from "@/db/queries/notify";
import { getPreferences, setSmsOn } from "@/db/queries/preferences";
import { countyReach, setCountyReach } from "@/db/queries/reach-settings";
import { loadSessionUser } from "@/db/queries/session";
import { claimSms } from "@/db/queries/sms-outbox";
import { activities, attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { deliveries } from "@/db/schema/reach";
import { countySettings } from "@/db/schema/settings";
import { users } from "@/db/schema/users";
import { t } from "@/lib/messages";
import { deliveriesSettled, setDeliveryAfterCommit } from "@/lib/server/delivery";
import { aliyunSms, type SmsProvider, useSmsProvider } from "@/lib/server/sms";
import { sendDueSms } from "@/lib/server/sms-sender";
import { fromLocalInput } from "@/lib/time";
import { demoCounty, phones } from "./county";
import { startSmsStandIn } from "./sms-stand-in";

let county: Awaited<ReturnType<typeof demoCounty>>;
let standIn: Awaited<ReturnType<typeof startSmsStandIn>>;
let sms: SmsProvider;
let countyId: number;

/** Shanghai wall-clock time, as the tests' injected clock. */
const sh = (local: string) => fromLocalInput(local);

beforeAll(async () => {
  county = await demoCounty();
  standIn = await startSmsStandIn();
  sms = aliyunSms({
    accessKeyId: "test-key",
    accessKeySecret: "test-secret",
    signName: "示范县支部",
    templates: { activity: "SMS_100001" },
    endpoint: standIn.endpoint,
  });
  useSmsProvider(sms);
  // A process that dies right after the commit: nothing is sent until a sweep runs with the test's clock.
  setDeliveryAfterCommit(false);
  countyId = Number(county.otherBranchPath.split("/")[1]);
});

afterAll(async () => {
  await deliveriesSettled();
  useSmsProvider(null);
  setDeliveryAfterCommit(true);
  await standIn.close();
  await county.close();
});

beforeEach(() => {
  standIn.requests.length = 0;
  standIn.state.answers = [];
  standIn.state.fallback = "ok";
  standIn.state.byPhone.clear();
});

/** The SMS rows of an activity's notices. */
async function smsOf(activityIds: number[]) {
  return county.db
    .select({ d: deliveries, phone: users.phone, userId: users.id })
    .from(deliveries)
    .innerJoin(notices, eq(notices.id, deliveries.noticeId))
    .innerJoin(users, eq(users.id, deliveries.userId))
    .where(and(eq(deliveries.channel, "sms"), inArray(notices.activityId, activityIds)));
}

describe("SMS on a plan publish, through the Aliyun SDK and a local stand-in", () => {
  it("sends one SMS per reachable member, once, across a crash after the commit and two senders at once", async () => {
    // The member turns 短信提醒 off on 我的.
    const muted = county.ownMemberId;
    const mutedScope = (await loadSessionUser(county.db, muted))!.scope;
    expect(await setSmsOn(county.db, mutedScope, { on: false })).toEqual({ on: false });
    expect(await getPreferences(county.db, mutedScope)).toMatchObject({ smsOn: false });
    const { planId } = await county.themeDay({ startsAt: sh("2027-03-10T09:00"), title: "三月主题党日" });
    const made = await county.db.select().from(activities).where(eq(activities.planId, planId));
    const ids = made.map((a) => a.id);
    const expected = await county.db
      .select({ memberId: attendance.memberId })
      .from(attendance)
      .where(and(inArray(attendance.activityId, ids), eq(attendance.expected, true)));
    const rows = await smsOf(ids);
    // Written in the publish's transaction, one per expected member; nothing sent yet (the "crash").
    expect(rows).toHaveLength(expected.length);
    expect(standIn.requests).toHaveLength(0);
    expect(rows.find((r) => r.userId === muted)?.d).toMatchObject({ status: "skipped", reason: "muted" });

    // A sender claims a batch and dies before asking the provider: its lease keeps the rows from others.
    const at = sh("2027-03-01T10:00");
    const leased = await claimSms(county.db, at, 5);
    expect(leased).toHaveLength(5);
    // Two instances sweep at once.
    const [a, b] = await Promise.all([sendDueSms(county.db, at, sms), sendDueSms(county.db, at, sms)]);
    const reachable = rows.filter((r) => r.d.status === "queued");
    expect(a.sent + b.sent).toBe(reachable.length - 5);
    // Once the dead sender's lease runs out, its rows go too.
    await sendDueSms(county.db, new Date(at.getTime() + 61_000), sms);
    await sendDueSms(county.db, new Date(at.getTime() + 10 * 60_000), sms);

    const phones = standIn.requests.map((r) => r.phone).sort();
    expect(phones).toEqual(reachable.map((r) => r.phone).sort());
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones).not.toContain(rows.find((r) => r.userId === muted)?.phone);
    const first = standIn.requests[0];
    expect(first).toMatchObject({
      action: "SendSms",
      signName: "示范县支部",
      templateCode: "SMS_100001",
      signed: true,
    });
    expect(first.params.title.length).toBeLessThanOrEqual(20);
    expect(first.params.time).toContain("3月10日");
    const after = await smsOf(ids);
    expect(after.filter((r) => r.d.status === "sent")).toHaveLength(reachable.length);
    expect(after.every((r) => r.d.status !== "sent" || r.d.providerId?.startsWith("biz-"))).toBe(true);
    const [settings] = await county.db.select().from(countySettings).where(eq(countySettings.countyId, countyId));
    expect(settings).toMatchObject({ smsMonth: "2027-03", smsUsed: reachable.length });
  });

  it("retries a throttled send with back-off, and keeps a refusal as failed", async () => {
    const [activity] = await county.db
      .select()
      .from(activities)
      .where(eq(activities.branchId, county.homeBranchId))
      .orderBy(activities.id)
      .limit(1);
    const [member] = await county.db.select().from(users).where(eq(users.id, county.ownMemberId));
    await setSmsOn(county.db, (await loadSessionUser(county.db, member.id))!.scope, { on: true });
    await notify(county.db, [member.id], { kind: "reminder", activityId: activity.id, title: "限流测试" });
    const at = sh("2027-03-02T10:00");
    standIn.state.answers = ["throttle"];
    await sendDueSms(county.db, at, sms);
    const [row] = (await smsOf([activity.id])).filter((r) => r.d.status === "queued");
    expect(row.d).toMatchObject({ reason: "throttled", attempts: 1 });
    expect(row.d.notBefore.getTime()).toBe(at.getTime() + 60_000);
    await sendDueSms(county.db, new Date(at.getTime() + 30_000), sms); // still backing off
    expect(standIn.requests).toHaveLength(1);
    standIn.state.answers = ["server_error"];
    await sendDueSms(county.db, new Date(at.getTime() + 61_000), sms);
    const [again] = await county.db.select().from(deliveries).where(eq(deliveries.id, row.d.id));
    expect(again).toMatchObject({ status: "queued", reason: "unreachable", attempts: 2 });
    expect(again.notBefore.getTime()).toBe(at.getTime() + 61_000 + 120_000);
    await sendDueSms(county.db, new Date(at.getTime() + 200_000), sms);
    const [sent] = await county.db.select().from(deliveries).where(eq(deliveries.id, row.d.id));
    expect(sent.status).toBe("sent");
    expect(standIn.requests.map((r) => r.phone)).toEqual([member.phone, member.phone, member.phone]);

    await notify(county.db, [member.id], { kind: "reminder", activityId: activity.id, title: "拒收测试" });
    standIn.state.answers = ["fail"];
    const [settingsBefore] = await county.db.select().from(countySettings).where(eq(countySettings.countyId, countyId));
    await sendDueSms(county.db, at, sms);
    const failed = (await smsOf([activity.id])).filter((r) => r.d.status === "failed");
    expect(failed.map((r) => r.d.reason)).toEqual(["isv.MOBILE_NUMBER_ILLEGAL"]);
    await sendDueSms(county.db, new Date(at.getTime() + 3600_000), sms);
    expect(standIn.requests).toHaveLength(4);
    // A refused SMS is not billed: the allowance is given back.
    const [settingsAfter] = await county.db.select().from(countySettings).where(eq(countySettings.countyId, countyId));
    expect(settingsAfter.smsUsed).toBe(settingsBefore.smsUsed);
  });

  it("holds SMS in quiet hours until 08:00, unless the activity is sooner", async () => {
    const later = await county.themeDay({ startsAt: sh("2027-04-10T09:00"), title: "四月主题党日" });
    const night = sh("2027-04-01T22:30");
    await sendDueSms(county.db, night, sms);
    const laterRows = await smsOf([later.activity.id]);
    expect(laterRows.every((r) => r.d.status === "queued")).toBe(true);
    expect(laterRows[0].d.notBefore.getTime()).toBe(sh("2027-04-02T08:00").getTime());
    expect(standIn.requests.map((r) => r.phone)).not.toContain(laterRows[0].phone);
    await sendDueSms(county.db, sh("2027-04-02T07:59"), sms);
    expect((await smsOf([later.activity.id])).every((r) => r.d.status === "queued")).toBe(true);
    await sendDueSms(county.db, sh("2027-04-02T08:00"), sms);
    expect((await smsOf([later.activity.id])).every((r) => r.d.status === "sent")).toBe(true);
    // The May activity starts at 07:00: told at 06:10 the same morning, quiet hours or not.
    const soon = await county.themeDay({ startsAt: sh("2027-05-10T07:00"), title: "五月主题党日" });
    await sendDueSms(county.db, sh("2027-05-10T06:10"), sms);
    expect((await smsOf([soon.activity.id])).every((r) => r.d.status === "sent")).toBe(true);
  });

  it("refuses SMS past the county's monthly cap, clearly", async () => {
    const { activity } = await county.themeDay({ startsAt: sh("2027-06-10T09:00"), title: "六月主题党日" });
    await county.db.update(countySettings).set({ smsMonth: "2027-06", smsUsed: 0 });
    const admin = await county.scopeOf(phones.countyAdmin);
    const before = await countyReach(county.db, admin, sh("2027-06-01T10:00"));
    await setCountyReach(county.db, admin, { ...before, cap: 2 });
    await sendDueSms(county.db, sh("2027-06-01T10:00"), sms);
    const rows = await smsOf([activity.id]);
    // Two SMS this month, whichever queued rows they were; every other June row is refused for the cap.
    expect(standIn.requests).toHaveLength(2);
    const refused = rows.filter((r) => r.d.status === "failed");
    expect(refused.length).toBeGreaterThanOrEqual(rows.length - 2);
    expect(refused.every((r) => r.d.reason === "cap")).toBe(true);
    expect(t.reach.reason.cap).toBeTruthy();
    // The county's page reads this month's use back (and none in a month nothing was sent).
    expect(await countyReach(county.db, admin, sh("2027-06-20T10:00"))).toMatchObject({ cap: 2, used: 2 });
    expect((await countyReach(county.db, admin, sh("2027-08-01T10:00"))).used).toBe(0);
    await setCountyReach(county.db, admin, before);
  });

  it("tells a disabled account nothing: no notice, no push, no SMS", async () => {
    const [member] = await county.db.select().from(users).where(eq(users.id, county.ownMemberId));
    await county.db.update(users).set({ active: false }).where(eq(users.id, member.id));
    const { activity } = await county.themeDay({ startsAt: sh("2027-07-10T09:00"), title: "七月主题党日" });
    await sendDueSms(county.db, sh("2027-07-01T10:00"), sms);
    const own = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, activity.id), eq(notices.userId, member.id)));
    expect(own).toHaveLength(0);
    expect((await smsOf([activity.id])).some((r) => r.userId === member.id)).toBe(false);
    expect(standIn.requests.map((r) => r.phone)).not.toContain(member.phone);
    await county.db.update(users).set({ active: true }).where(eq(users.id, member.id));
  });

  it("sends none while the county has SMS off, and only its county admin may switch it, audited", async () => {
    const admin = await county.scopeOf(phones.countyAdmin);
    const before = await countyReach(county.db, admin);
    await expect(setCountyReach(county.db, county.secretary, { ...before, smsOn: false })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(countyReach(county.db, county.secretary)).rejects.toMatchObject({ code: "forbidden" });
    await setCountyReach(county.db, admin, { ...before, smsOn: false });
    const { activity } = await county.themeDay({ startsAt: sh("2027-09-10T09:00"), title: "九月主题党日" });
    await sendDueSms(county.db, sh("2027-09-01T10:00"), sms);
    const rows = await smsOf([activity.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.d.status === "skipped" && r.d.reason === "county_off")).toBe(true);
    expect(standIn.requests).toHaveLength(0);
    await setCountyReach(county.db, admin, before);
    const audits = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "settings.reach"), eq(auditLog.actorId, admin.userId)));
    expect(audits.map((a) => (a.detail as { smsOn: boolean }).smsOn)).toEqual(
      expect.arrayContaining([false, before.smsOn]),
    );
  });
});
