import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityForMember, myActivities, nextActivity } from "@/db/queries/member-activities";
import {
  listMyNotices,
  markActivityRead,
  markAllRead,
  markRead,
  readStatus,
  remindUnread,
  unreadCount,
} from "@/db/queries/notices";
import { notify } from "@/db/queries/notify";
import { publishPlan } from "@/db/queries/plans";
import { activities, attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let otherSecretary: Scope;
let committeeAdmin: Scope;
let own: typeof activities.$inferSelect;
let foreign: typeof activities.$inferSelect;
let expectedIds: number[];
const startsAt = new Date(Date.now() + 10 * 86_400_000);

beforeAll(async () => {
  county = await demoCounty();
  const admin = await county.scopeOf(phones.countyAdmin);
  member = await county.scopeOf(phones.member);
  committeeAdmin = await county.scopeOf(phones.committeeAdmin);
  // The second branch's secretary: same county and committee, another branch.
  otherSecretary = await county.scopeOf("13800000011");
  const { planId } = await publishPlan(county.db, admin, {
    title: "学习贯彻全会精神",
    startsAt,
    durationMinutes: 120,
    materials: "第一部分：原文学习\n第二部分：交流发言",
    links: [{ title: "全会公报", url: "https://www.example.org/gongbao" }],
    items: [{ title: "集中学习", mandatory: false }],
  });
  const made = await county.db.select().from(activities).where(eq(activities.planId, planId));
  own = made.find((a) => a.branchId === county.homeBranchId)!;
  foreign = made.find((a) => a.branchId === otherSecretary.grants[0].nodeId)!;
  const roster = await county.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.activityId, own.id), eq(attendance.expected, true)));
  expectedIds = roster.map((r) => r.memberId).sort((a, b) => a - b);
});
afterAll(() => county.close());

const unreadOf = async (activityId: number) =>
  (await county.db.select().from(notices).where(eq(notices.activityId, activityId))).filter((n) => !n.readAt);
const countRows = async () => ({
  notices: (await county.db.select({ n: count() }).from(notices))[0].n,
  audit: (await county.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "notice.remind")))[0].n,
});

describe("notices of a published plan", () => {
  it("gives every expected member of the branch an unread notice", async () => {
    expect(expectedIds).toContain(member.userId);
    const unread = await unreadOf(own.id);
    expect(
      unread
        .filter((n) => n.kind === "activity")
        .map((n) => n.userId)
        .sort((a, b) => a - b),
    ).toEqual(expectedIds);
    expect(await unreadCount(county.db, member)).toBe(1);
    const { notices: mine, more } = await listMyNotices(county.db, member);
    expect(more).toBe(false);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      activityId: own.id,
      kind: "activity",
      title: "主题党日：学习贯彻全会精神",
      readAt: null,
    });
  });

  it("shows the member their branch's next activity and list, with no outcome before closing", async () => {
    const next = await nextActivity(county.db, member);
    expect(next).toMatchObject({ id: own.id, title: "学习贯彻全会精神", status: "scheduled" });
    expect(next!.steps).toEqual([
      { title: "重温入党誓词", mandatory: true },
      { title: "集中学习", mandatory: false },
      { title: "集中缴纳党费", mandatory: true },
    ]);
    const { upcoming, past } = await myActivities(county.db, member);
    expect(upcoming.map((a) => a.id)).toEqual([own.id]);
    expect(upcoming[0]).toMatchObject({ expected: true, outcome: null });
    expect(past).toEqual([]);

    // Under way it is still the next one; once its end has passed it moves to the history, still unclosed.
    const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
    expect((await nextActivity(county.db, member, at(119)))?.id).toBe(own.id);
    expect(await nextActivity(county.db, member, at(121))).toBeNull();
    const later = await myActivities(county.db, member, at(121));
    expect(later.upcoming).toEqual([]);
    expect(later.past[0]).toMatchObject({ id: own.id, status: "scheduled", outcome: null });
  });

  it("shows the member their own branch's activity and no other", async () => {
    const view = await activityForMember(county.db, member, own.id);
    expect(view.activity).toMatchObject({
      materials: "第一部分：原文学习\n第二部分：交流发言",
      links: [{ title: "全会公报", url: "https://www.example.org/gongbao" }],
    });
    expect(view.steps.map((s) => s.title)).toEqual(["重温入党誓词", "集中学习", "集中缴纳党费"]);
    expect(view.mine).toEqual({ expected: true, outcome: null });
    await expect(activityForMember(county.db, member, foreign.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(activityForMember(county.db, member, 999_999)).rejects.toMatchObject({ code: "not_found" });
    // A secretary who is not a member of that branch reads it through their own view, not this one.
    await expect(activityForMember(county.db, otherSecretary, own.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(nextActivity(county.db, committeeAdmin)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows the secretary who has read, and opening the activity is reading it", async () => {
    const before = await readStatus(county.db, county.secretary, own.id);
    expect(before).toMatchObject({ expected: expectedIds.length, read: [], canRemind: true });
    expect(before.unread).toHaveLength(expectedIds.length);

    expect(await markActivityRead(county.db, member, own.id)).toBe(1);
    expect(await unreadCount(county.db, member)).toBe(0);
    const after = await readStatus(county.db, county.secretary, own.id);
    expect(after.read.map((r) => r.memberId)).toEqual([member.userId]);
    expect(after.unread.map((r) => r.memberId)).not.toContain(member.userId);
    expect(after.unread).toHaveLength(expectedIds.length - 1);

    // The committee above reads the status but does not send reminders.
    const committee = await readStatus(county.db, committeeAdmin, own.id);
    expect(committee).toMatchObject({ canRemind: false, expected: expectedIds.length });
  });

  it("reminds only the members who have not read, and audits it", async () => {
    const { count: sent } = await remindUnread(county.db, county.secretary, own.id);
    expect(sent).toBe(expectedIds.length - 1);
    const reminders = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, own.id), eq(notices.kind, "reminder")));
    expect(reminders.map((n) => n.userId).sort((a, b) => a - b)).toEqual(
      expectedIds.filter((id) => id !== member.userId),
    );
    const [entry] = await county.db.select().from(auditLog).where(eq(auditLog.action, "notice.remind"));
    expect(entry).toMatchObject({
      actorId: county.secretary.userId,
      targetId: String(own.id),
      outcome: "ok",
      detail: { count: sent },
    });
  });

  it("refuses another branch's secretary and the committee, writing nothing", async () => {
    const before = await countRows();
    await expect(readStatus(county.db, otherSecretary, own.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(remindUnread(county.db, otherSecretary, own.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(remindUnread(county.db, committeeAdmin, own.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(remindUnread(county.db, member, own.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(readStatus(county.db, member, own.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(remindUnread(county.db, county.secretary, 999_999)).rejects.toMatchObject({ code: "not_found" });
    expect(await countRows()).toEqual(before);
  });

  it("marks only the caller's own notices read", async () => {
    const [someone] = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, own.id), eq(notices.userId, expectedIds.find((id) => id !== member.userId)!)));
    await expect(markRead(county.db, member, { noticeId: someone.id })).rejects.toMatchObject({ code: "not_found" });
    const [still] = await county.db.select().from(notices).where(eq(notices.id, someone.id));
    expect(still.readAt).toBeNull();
  });

  it("refuses a reminder when everyone has read, or once the activity is closed", async () => {
    for (const userId of expectedIds) await markAllRead(county.db, { userId, grants: [], member: null });
    await expect(remindUnread(county.db, county.secretary, own.id)).rejects.toMatchObject({
      code: "conflict",
      message: t.notices.allRead,
    });
    const status = await readStatus(county.db, county.secretary, own.id);
    expect(status.unread).toEqual([]);

    // Closing through the run screen is tested in activity-run.test.ts; here only its result matters.
    await county.db.update(activities).set({ status: "closed", closedAt: new Date() }).where(eq(activities.id, own.id));
    await county.db
      .update(attendance)
      .set({ outcome: "present", source: "manual" })
      .where(and(eq(attendance.activityId, own.id), eq(attendance.memberId, member.userId)));
    await expect(remindUnread(county.db, county.secretary, own.id)).rejects.toMatchObject({
      code: "conflict",
      message: t.notices.closed,
    });
    expect((await readStatus(county.db, county.secretary, own.id)).canRemind).toBe(false);

    expect(await nextActivity(county.db, member)).toBeNull();
    const { upcoming, past } = await myActivities(county.db, member);
    expect(upcoming).toEqual([]);
    expect(past[0]).toMatchObject({ id: own.id, status: "closed", outcome: "present", expected: true });
  });
});

describe("the notice list", () => {
  it("pages 30 at a time, newest first, and marks all read", async () => {
    for (let i = 1; i <= 32; i++)
      await notify(county.db, [member.userId], { kind: "activity", activityId: own.id, title: `通知 ${i}` });
    const first = await listMyNotices(county.db, member);
    expect(first.notices).toHaveLength(30);
    expect(first.more).toBe(true);
    expect(first.notices[0].title).toBe("通知 32");
    const second = await listMyNotices(county.db, member, { before: first.notices[29].id });
    expect(second.more).toBe(false);
    expect(second.notices.map((n) => n.title)).toEqual(["通知 2", "通知 1", "主题党日：学习贯彻全会精神"]);
    expect(await unreadCount(county.db, member)).toBe(32);
    expect(await markAllRead(county.db, member)).toEqual({ count: 32 });
    expect(await unreadCount(county.db, member)).toBe(0);
  });
});
