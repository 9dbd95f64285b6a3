import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileLeave } from "@/db/queries/leave";
import { countyReach, setCountyReach } from "@/db/queries/reach-settings";
import { runDueReminders } from "@/db/queries/reminders";
import { activities, attendance, notices } from "@/db/schema/activities";
import { scheduledJobs } from "@/db/schema/reach";
import { members } from "@/db/schema/users";
import { reminderKinds } from "@/lib/enums";
import { t } from "@/lib/messages";
import { setDeliveryAfterCommit } from "@/lib/server/delivery";
import { fromLocalInput } from "@/lib/time";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
const sh = (local: string) => fromLocalInput(local);

beforeAll(async () => {
  county = await demoCounty();
  setDeliveryAfterCommit(false);
});
afterAll(async () => {
  setDeliveryAfterCommit(true);
  await county.close();
});

const remindersOf = (activityId: number, title: string) =>
  county.db
    .select({ userId: notices.userId })
    .from(notices)
    .where(and(eq(notices.activityId, activityId), eq(notices.kind, "reminder"), eq(notices.title, title)));

describe("scheduled reminders, Asia/Shanghai, with an injected clock", () => {
  it("fire the evening before at 19:00 and an hour before, once, to expected members not on leave or away", async () => {
    const member = await county.scopeOf(phones.member);
    // One member of the home branch is away: not expected, never reminded.
    const away = county.ownMemberId;
    await county.db.update(members).set({ presence: "away" }).where(eq(members.userId, away));
    const { activity, planId } = await county.themeDay({ startsAt: sh("2027-03-10T09:00"), title: "三月主题党日" });
    const branches = await county.db.select().from(activities).where(eq(activities.planId, planId));
    await fileLeave(county.db, member, {
      clientId: randomUUID(),
      activityId: activity.id,
      type: "sick",
      reason: "住院",
      late: false,
    });
    const jobs = await county.db.select().from(scheduledJobs).where(eq(scheduledJobs.activityId, activity.id));
    expect(Object.fromEntries(jobs.map((j) => [j.kind, j.runAt.toISOString()]))).toEqual({
      evening_before: sh("2027-03-09T19:00").toISOString(),
      hour_before: sh("2027-03-10T08:00").toISOString(),
      unread_day_before: sh("2027-03-09T09:00").toISOString(),
      leave_digest: sh("2027-03-09T09:00").toISOString(),
      not_closed: sh("2027-03-13T09:00").toISOString(),
    });
    const expected = (
      await county.db
        .select({ id: attendance.memberId })
        .from(attendance)
        .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true)))
    ).map((r) => r.id);
    expect(expected).not.toContain(away);
    const evening = t.reach.reminder.eveningBefore(`${t.activityType.theme_day}：三月主题党日`);
    const hour = t.reach.reminder.hourBefore(`${t.activityType.theme_day}：三月主题党日`);

    // 18:59 the day before: only the unread reminder (due 09:00) has fired.
    await runDueReminders(county.db, sh("2027-03-09T18:59"));
    expect(await remindersOf(activity.id, evening)).toHaveLength(0);
    // 19:00, by two sweepers at once: each branch's evening reminder fired once.
    const fired = await Promise.all([
      runDueReminders(county.db, sh("2027-03-09T19:00")),
      runDueReminders(county.db, sh("2027-03-09T19:00")),
    ]);
    expect(fired[0] + fired[1]).toBe(branches.length);
    expect(await runDueReminders(county.db, sh("2027-03-09T19:30"))).toBe(0);
    const told = (await remindersOf(activity.id, evening)).map((r) => r.userId).sort((a, b) => a - b);
    expect(told).toEqual(expected.filter((id) => id !== member.userId).sort((a, b) => a - b));
    expect(told).not.toContain(away);

    await runDueReminders(county.db, sh("2027-03-10T07:59"));
    expect(await remindersOf(activity.id, hour)).toHaveLength(0);
    await runDueReminders(county.db, sh("2027-03-10T08:00"));
    expect((await remindersOf(activity.id, hour)).map((r) => r.userId).sort((a, b) => a - b)).toEqual(told);
    await county.db.update(members).set({ presence: "home" }).where(eq(members.userId, away));
  });

  it("tells only those who have not read the notice 24 h before", async () => {
    const { activity } = await county.themeDay({ startsAt: sh("2027-04-10T09:00"), title: "四月主题党日" });
    const member = await county.scopeOf(phones.member);
    await county.db
      .update(notices)
      .set({ readAt: new Date() })
      .where(and(eq(notices.activityId, activity.id), eq(notices.userId, member.userId)));
    await runDueReminders(county.db, sh("2027-04-09T09:00"));
    const title = t.notices.reminderTitle(`${t.activityType.theme_day}：四月主题党日`);
    const told = (await remindersOf(activity.id, title)).map((r) => r.userId);
    expect(told.length).toBeGreaterThan(0);
    expect(told).not.toContain(member.userId);
  });

  it("do not fire when the county switched the kind off", async () => {
    const { activity } = await county.themeDay({ startsAt: sh("2027-05-10T09:00"), title: "五月主题党日" });
    // The county admin leaves every kind on but the hour-before one, on 通知与短信设置.
    const admin = await county.scopeOf(phones.countyAdmin);
    const settings = await countyReach(county.db, admin);
    await setCountyReach(county.db, admin, { ...settings, kinds: reminderKinds.filter((k) => k !== "hour_before") });
    await runDueReminders(county.db, sh("2027-05-10T08:30"));
    const jobs = await county.db
      .select()
      .from(scheduledJobs)
      .where(and(eq(scheduledJobs.activityId, activity.id), inArray(scheduledJobs.kind, ["hour_before"])));
    expect(jobs[0].outcome).toEqual({ skipped: "county_off" });
    const hour = t.reach.reminder.hourBefore(`${t.activityType.theme_day}：五月主题党日`);
    expect(await remindersOf(activity.id, hour)).toHaveLength(0);
    await setCountyReach(county.db, admin, settings);
    expect((await countyReach(county.db, admin)).kinds).toEqual([...reminderKinds]);
  });

  it("tell the secretaries of leave still waiting the morning before, and chase a theme day not closed", async () => {
    const { activity, of } = await county.themeDay({ startsAt: sh("2027-08-10T09:00"), title: "八月主题党日" });
    const what = `${t.activityType.theme_day}：八月主题党日`;
    const member = await county.scopeOf(phones.member);
    // Two requests wait: the member's, which the secretary decides, and the secretary's own, which the
    // committee above decides (not in the secretary's digest).
    for (const who of [member, county.secretary])
      await fileLeave(county.db, who, {
        clientId: randomUUID(),
        activityId: activity.id,
        type: "official",
        reason: "出差",
        late: false,
      });
    const digests = () =>
      county.db
        .select({ userId: notices.userId, title: notices.title, activityId: notices.activityId })
        .from(notices)
        .where(and(eq(notices.kind, "leave"), eq(notices.title, t.reach.reminder.leaveDigest(1, what))));
    await runDueReminders(county.db, sh("2027-08-09T08:59"));
    expect(await digests()).toHaveLength(0);
    await Promise.all([
      runDueReminders(county.db, sh("2027-08-09T09:00")),
      runDueReminders(county.db, sh("2027-08-09T09:00")),
    ]);
    // Once, to the home branch's secretary only: the other branches have nothing waiting.
    expect(await digests()).toEqual([
      { userId: county.secretary.userId, title: expect.any(String), activityId: activity.id },
    ]);
    const [digestJob] = await county.db
      .select()
      .from(scheduledJobs)
      .where(and(eq(scheduledJobs.activityId, of(county.otherBranchId).id), eq(scheduledJobs.kind, "leave_digest")));
    expect(digestJob.outcome).toEqual({ skipped: "nothing" });

    // The other branch closed its theme day; the home branch did not, and is chased on the third morning.
    await county.db
      .update(activities)
      .set({ status: "closed" })
      .where(eq(activities.id, of(county.otherBranchId).id));
    const chase = t.reach.reminder.notClosed(what);
    await runDueReminders(county.db, sh("2027-08-13T08:59"));
    expect(await remindersOf(activity.id, chase)).toHaveLength(0);
    await runDueReminders(county.db, sh("2027-08-13T09:00"));
    expect((await remindersOf(activity.id, chase)).map((r) => r.userId)).toEqual([county.secretary.userId]);
    expect(await remindersOf(of(county.otherBranchId).id, chase)).toHaveLength(0);
    const [closedJob] = await county.db
      .select()
      .from(scheduledJobs)
      .where(and(eq(scheduledJobs.activityId, of(county.otherBranchId).id), eq(scheduledJobs.kind, "not_closed")));
    expect(closedJob.outcome).toEqual({ skipped: "closed" });
  });
});
