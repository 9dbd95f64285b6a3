import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendanceSummary, checkIn, disputeCheckin, myCheckin, proxyCheckIn } from "@/db/queries/checkins";
import { activities, attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { checkins } from "@/db/schema/checkins";
import { members, users } from "@/db/schema/users";
import { loadSessionUser } from "@/db/queries/session";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let activity: typeof activities.$inferSelect;
const startsAt = new Date(Date.now() + 2 * 86_400_000);
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  ({ activity } = await county.themeDay({ startsAt }));
});
afterAll(() => county.close());

const scanAt = async (when: Date) => {
  const step = stepAt(when.getTime());
  return { activityId: activity.id, step, code: await codeFor(activity.checkinSecret, activity.id, step), clientId: randomUUID() };
};
const rowsOf = (memberId: number) => county.db.select().from(checkins).where(and(eq(checkins.activityId, activity.id), eq(checkins.memberId, memberId)));

describe("check-in", () => {
  it("refuses before the window, a wrong code and an expired one, writing nothing", async () => {
    await expect(checkIn(county.db, member, await scanAt(at(-40)), at(-40))).rejects.toMatchObject({ message: expect.stringContaining("不在签到时间内") });
    const scan = await scanAt(at(1));
    await expect(checkIn(county.db, member, { ...scan, code: scan.code === "000000" ? "111111" : "000000" }, at(1))).rejects.toMatchObject({ message: "签到码不正确，请核对后重试。" });
    await expect(checkIn(county.db, member, scan, at(2))).rejects.toMatchObject({ message: expect.stringContaining("已过期") });
    expect(await rowsOf(member.userId)).toHaveLength(0);
  });

  it("records one check-in however many times the same request arrives at once", async () => {
    const scan = await scanAt(at(1));
    const answers = await Promise.all(Array.from({ length: 6 }, () => checkIn(county.db, member, scan, at(1))));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: "checked_in", offline: false });
    expect(await rowsOf(member.userId)).toHaveLength(1);
    const [row] = await county.db.select().from(attendance).where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, member.userId)));
    expect(row).toMatchObject({ outcome: "present", source: "checkin" });
    // A replay hours later still gets the first answer.
    expect(await checkIn(county.db, member, scan, at(300))).toEqual(answers[0]);
  });

  it("answers 'already' to a second scan with another client id, also when they race", async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, async () => checkIn(county.db, member, await scanAt(at(3)), at(3))));
    expect(answers.every((a) => a.status === "already")).toBe(true);
    expect(await rowsOf(member.userId)).toHaveLength(1);
  });

  it("counts different members racing each once, and marks late after 15 minutes", async () => {
    const others = await county.db.select({ userId: members.userId }).from(members).where(eq(members.branchId, county.homeBranchId));
    const scopes = await Promise.all(
      others.filter((o) => o.userId !== member.userId).slice(0, 5).map(async (o) => ({ ...member, userId: o.userId })),
    );
    const answers = await Promise.all(scopes.map(async (s) => checkIn(county.db, s, await scanAt(at(16)), at(16))));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill("late"));
    const summary = await attendanceSummary(county.db, county.secretary, activity.id);
    expect(summary.present.length).toBe(6);
  });

  it("refuses a member of another branch", async () => {
    const outsider: Scope = { ...member, userId: county.foreignMemberId, member: { branchId: county.otherBranchId, branchPath: county.otherBranchPath } };
    await expect(checkIn(county.db, outsider, await scanAt(at(1)), at(1))).rejects.toMatchObject({ code: "forbidden", message: "这不是您所在支部的活动，不能签到。" });
  });

  it("accepts an offline scan that arrives hours later if it was inside the window, and flags it", async () => {
    const [someone] = await county.db.select({ userId: members.userId }).from(members).where(and(eq(members.branchId, county.homeBranchId), eq(members.presence, "home"))).orderBy(members.userId).limit(20).offset(10);
    const scope = { ...member, userId: someone.userId };
    const scannedAt = at(5);
    const answer = await checkIn(county.db, scope, { ...(await scanAt(scannedAt)), scannedAt }, at(400));
    expect(answer).toMatchObject({ status: "checked_in", offline: true, at: scannedAt.toISOString() });
    const [row] = await rowsOf(someone.userId);
    expect(row).toMatchObject({ offline: true });
  });
});

describe("proxy check-in", () => {
  it("is recorded as proxy, told to the member, who can dispute it once; the secretary and committee hear of it", async () => {
    const [target] = await county.db
      .select({ userId: attendance.memberId })
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true), isNull(attendance.outcome)))
      .limit(1);
    await proxyCheckIn(county.db, county.secretary, { activityId: activity.id, memberId: target.userId, reason: "无智能手机" }, at(2));
    const scope = { ...member, userId: target.userId };
    const mine = await myCheckin(county.db, scope, activity.id);
    expect(mine).toMatchObject({ method: "proxy", proxyReason: "无智能手机", dispute: null });
    await disputeCheckin(county.db, scope, { checkinId: mine!.id, reason: "我当天在外地" });
    await expect(disputeCheckin(county.db, scope, { checkinId: mine!.id, reason: "再次" })).rejects.toMatchObject({ code: "conflict" });
    const committee = await county.scopeOf(phones.committeeAdmin);
    const told = await county.db.select().from(notices).where(and(eq(notices.activityId, activity.id), eq(notices.userId, committee.userId)));
    expect(told).toHaveLength(1);
    await expect(disputeCheckin(county.db, member, { checkinId: mine!.id, reason: "不是我的" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("does not tell a disabled account of a dispute", async () => {
    const [target] = await county.db
      .select({ userId: attendance.memberId })
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true), isNull(attendance.outcome), ne(attendance.memberId, county.ownMemberId)))
      .limit(1);
    await proxyCheckIn(county.db, county.secretary, { activityId: activity.id, memberId: target.userId, reason: "无智能手机" }, at(2));
    const scope = { ...member, userId: target.userId };
    const mine = await myCheckin(county.db, scope, activity.id);
    const committee = await county.scopeOf(phones.committeeAdmin);
    const toldBefore = await county.db.select().from(notices).where(and(eq(notices.activityId, activity.id), eq(notices.userId, committee.userId)));
    await county.db.update(users).set({ active: false }).where(eq(users.id, committee.userId));
    try {
      await disputeCheckin(county.db, scope, { checkinId: mine!.id, reason: "我当天在外地" });
    } finally {
      await county.db.update(users).set({ active: true }).where(eq(users.id, committee.userId));
    }
    const toldAfter = await county.db.select().from(notices).where(and(eq(notices.activityId, activity.id), eq(notices.userId, committee.userId)));
    expect(toldAfter).toHaveLength(toldBefore.length);
    const secretaryTold = await county.db.select().from(notices).where(and(eq(notices.activityId, activity.id), eq(notices.userId, county.secretary.userId), eq(notices.body, "我当天在外地")));
    expect(secretaryTold.length).toBeGreaterThan(0);
  });

  it("is refused to a secretary of another branch", async () => {
    const other = await county.scopeOf("13800000013");
    await expect(proxyCheckIn(county.db, other, { activityId: activity.id, memberId: member.userId, reason: "代签" }, at(2))).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("guessing codes", () => {
  it("after ten wrong codes in ten minutes a member must wait; each wrong code is audited", async () => {
    const guesser = (await loadSessionUser(county.db, county.ownMemberId))!.scope;
    const during = at(5);
    const right = await codeFor(activity.checkinSecret, activity.id, stepAt(during.getTime()));
    const wrong = right === "000000" ? "111111" : "000000";
    const guess = (when: Date) => checkIn(county.db, guesser, { activityId: activity.id, code: wrong, clientId: randomUUID() }, when);
    for (let i = 0; i < 10; i++) await expect(guess(during)).rejects.toMatchObject({ code: "bad_request" });
    await expect(guess(during)).rejects.toMatchObject({ code: "rate_limited" });
    const audited = await county.db.select().from(auditLog).where(and(eq(auditLog.action, "checkin.bad_code"), eq(auditLog.actorId, guesser.userId)));
    expect(audited).toHaveLength(10);
  });
});
