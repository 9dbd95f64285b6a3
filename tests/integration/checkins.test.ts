import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disputeCheckin } from "@/db/queries/checkin-review";
import { attendanceSummary } from "@/db/queries/checkin-screen";
import { checkIn, myCheckin, proxyCheckIn } from "@/db/queries/checkins";
import { loadSessionUser } from "@/db/queries/session";
import { activities, attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { checkins } from "@/db/schema/checkins";
import { members, users } from "@/db/schema/users";
import { SIGN_IN_GRACE_MS, sealScan } from "@/lib/checkin-seal";
import { codeFor, OFFLINE_GRACE_MINUTES, STEP_MS, stepAt } from "@/lib/checkin-token";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones, scanOf } from "./county";

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

const scanAt = (when: Date) => scanOf(activity, when);

/** The nth member of the home branch who is at home (so expected), for a test of its own. */
const homeMember = async (n: number) => {
  const [row] = await county.db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, county.homeBranchId), eq(members.presence, "home")))
    .orderBy(members.userId)
    .limit(1)
    .offset(n);
  return row.userId;
};
const rowsOf = (memberId: number) =>
  county.db
    .select()
    .from(checkins)
    .where(and(eq(checkins.activityId, activity.id), eq(checkins.memberId, memberId)));

describe("check-in", () => {
  it("refuses before the window, a wrong code and an expired one, writing nothing", async () => {
    await expect(checkIn(county.db, member, await scanAt(at(-40)), at(-40))).rejects.toMatchObject({
      message: expect.stringContaining("不在签到时间内"),
    });
    const scan = await scanAt(at(1));
    await expect(
      checkIn(county.db, member, { ...scan, code: scan.code === "000000" ? "111111" : "000000" }, at(1)),
    ).rejects.toMatchObject({ message: t.checkin.badCode });
    await expect(checkIn(county.db, member, scan, at(2))).rejects.toMatchObject({
      message: expect.stringContaining("已过期"),
    });
    expect(await rowsOf(member.userId)).toHaveLength(0);
  });

  it("records one check-in however many times the same request arrives at once", async () => {
    const scan = await scanAt(at(1));
    const answers = await Promise.all(Array.from({ length: 6 }, () => checkIn(county.db, member, scan, at(1))));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: "checked_in", offline: false });
    expect(await rowsOf(member.userId)).toHaveLength(1);
    const [row] = await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, member.userId)));
    expect(row).toMatchObject({ outcome: "present", source: "checkin" });
    // A replay hours later still gets the first answer.
    expect(await checkIn(county.db, member, scan, at(300))).toEqual(answers[0]);
  });

  it("answers 'already' to a second scan with another client id, also when they race", async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => checkIn(county.db, member, await scanAt(at(3)), at(3))),
    );
    expect(answers.every((a) => a.status === "already")).toBe(true);
    expect(await rowsOf(member.userId)).toHaveLength(1);
  });

  it("counts different members racing each once, and marks late after 15 minutes", async () => {
    const others = await county.db
      .select({ userId: members.userId })
      .from(members)
      .where(eq(members.branchId, county.homeBranchId));
    const scopes = await Promise.all(
      others
        .filter((o) => o.userId !== member.userId)
        .slice(0, 5)
        .map(async (o) => ({ ...member, userId: o.userId })),
    );
    const answers = await Promise.all(scopes.map(async (s) => checkIn(county.db, s, await scanAt(at(16)), at(16))));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill("late"));
    const summary = await attendanceSummary(county.db, county.secretary, activity.id);
    expect(summary.present.length).toBe(6);
  });

  it("refuses a member of another branch", async () => {
    const outsider: Scope = {
      ...member,
      userId: county.foreignMemberId,
      member: { branchId: county.otherBranchId, branchPath: county.otherBranchPath },
    };
    await expect(checkIn(county.db, outsider, await scanAt(at(1)), at(1))).rejects.toMatchObject({
      code: "forbidden",
      message: t.checkin.notYourBranch,
    });
  });

  it("accepts an offline scan that arrives after the end within the grace if it was inside the window, and flags it for review", async () => {
    const someone = await homeMember(10);
    const scope = { ...member, userId: someone };
    const scannedAt = at(5);
    const answer = await checkIn(
      county.db,
      scope,
      { ...(await scanAt(scannedAt)), scannedAt },
      at(120 + OFFLINE_GRACE_MINUTES - 1),
    );
    expect(answer).toMatchObject({ status: "checked_in", offline: true, at: scannedAt.toISOString() });
    const [row] = await rowsOf(someone);
    expect(row).toMatchObject({ offline: true, review: "pending" });
  });

  it("refuses an offline scan that arrives later than the grace after the end, writing nothing", async () => {
    const someone = await homeMember(11);
    const scannedAt = at(1);
    await expect(
      checkIn(
        county.db,
        { ...member, userId: someone },
        { ...(await scanAt(scannedAt)), scannedAt },
        at(120 + OFFLINE_GRACE_MINUTES + 1),
      ),
    ).rejects.toMatchObject({ code: "conflict", message: t.checkin.offlineTooLate(OFFLINE_GRACE_MINUTES) });
    expect(await rowsOf(someone)).toHaveLength(0);
  });

  it("records an offline scan at a time bounded by its step, whatever the device claims", async () => {
    const someone = await homeMember(12);
    const scan = await scanAt(at(14.5));
    // The device says 29 s after the code's step began — past the 15-minute mark; the code proves no later than its
    // step.
    const claimed = new Date(scan.step * STEP_MS + 29_000);
    const answer = await checkIn(county.db, { ...member, userId: someone }, { ...scan, scannedAt: claimed }, at(60));
    expect(new Date(answer.at).getTime()).toBeLessThan((scan.step + 1) * STEP_MS);
    expect(new Date(answer.at).getTime()).toBeGreaterThanOrEqual(scan.step * STEP_MS);
  });

  it("calls a typed code sent 30 s late expired, not an offline check-in", async () => {
    const someone = await homeMember(13);
    const { code } = await scanAt(at(20));
    const sent = new Date(at(20).getTime() + 30_000);
    await expect(
      checkIn(
        county.db,
        { ...member, userId: someone },
        { activityId: activity.id, code, clientId: randomUUID(), scannedAt: sent },
        sent,
      ),
    ).rejects.toMatchObject({ message: t.checkin.expired });
    expect(await rowsOf(someone)).toHaveLength(0);
  });
});

describe("a scan that goes through sign-in", () => {
  const key = "test-seal-key-of-at-least-32-characters";
  it("counts at the sealed time of the scan after a 40 s sign-in", async () => {
    const someone = await homeMember(14);
    const scan = await scanAt(at(2));
    const seenAt = at(2).getTime();
    const seal = await sealScan(key, { ...scan, seenAt });
    const answer = await checkIn(
      county.db,
      { ...member, userId: someone },
      { ...scan, seenAt, seal, scannedAt: at(2.7) },
      at(2.7),
      key,
    );
    expect(answer).toMatchObject({ status: "checked_in", offline: false, at: at(2).toISOString() });
  });

  it("refuses a forged seal, an old code sealed now and a seal past its grace", async () => {
    const someone = await homeMember(15);
    const scope = { ...member, userId: someone };
    const scan = await scanAt(at(3));
    const seenAt = at(3).getTime();
    const late = new Date(seenAt + 40_000);
    await expect(checkIn(county.db, scope, { ...scan, seenAt, seal: "0".repeat(32) }, late, key)).rejects.toMatchObject(
      { message: t.checkin.expired },
    );
    const old = await scanAt(at(-10));
    const sealedNow = await sealScan(key, { ...old, seenAt });
    await expect(checkIn(county.db, scope, { ...old, seenAt, seal: sealedNow }, late, key)).rejects.toMatchObject({
      message: t.checkin.expired,
    });
    const seal = await sealScan(key, { ...scan, seenAt });
    await expect(
      checkIn(county.db, scope, { ...scan, seenAt, seal }, new Date(seenAt + SIGN_IN_GRACE_MS + 1000), key),
    ).rejects.toMatchObject({ message: t.checkin.expired });
    expect(await rowsOf(someone)).toHaveLength(0);
  });
});

describe("a typed code of another branch's activity", () => {
  it("is called another branch's code, not a wrong one", async () => {
    const [other] = await county.db
      .select()
      .from(activities)
      .where(and(eq(activities.planId, activity.planId!), eq(activities.branchId, county.otherBranchId)));
    expect(other).toBeDefined();
    const code = await codeFor(other.checkinSecret, other.id, stepAt(at(4).getTime()));
    const someone = await homeMember(9);
    await expect(
      checkIn(
        county.db,
        { ...member, userId: someone },
        { activityId: activity.id, code, clientId: randomUUID() },
        at(4),
      ),
    ).rejects.toMatchObject({ message: t.checkin.otherBranchCode });
  });
});

describe("proxy check-in", () => {
  /** The secretary checks in, by proxy, an expected member not yet counted (not `spare`); their scope. */
  const proxiedMember = async (spare?: number) => {
    const [target] = await county.db
      .select({ userId: attendance.memberId })
      .from(attendance)
      .where(
        and(
          eq(attendance.activityId, activity.id),
          eq(attendance.expected, true),
          isNull(attendance.outcome),
          spare ? ne(attendance.memberId, spare) : undefined,
        ),
      )
      .limit(1);
    const reason = "无智能手机";
    await proxyCheckIn(
      county.db,
      county.secretary,
      { activityId: activity.id, memberId: target.userId, reason },
      at(2),
    );
    return { ...member, userId: target.userId };
  };

  it("is recorded as proxy, told to the member, who can dispute it once; the secretary and committee hear of it", async () => {
    const scope = await proxiedMember();
    const mine = await myCheckin(county.db, scope, activity.id);
    expect(mine).toMatchObject({ method: "proxy", proxyReason: "无智能手机", dispute: null });
    await disputeCheckin(county.db, scope, { checkinId: mine!.id, reason: "我当天在外地" });
    await expect(disputeCheckin(county.db, scope, { checkinId: mine!.id, reason: "再次" })).rejects.toMatchObject({
      code: "conflict",
    });
    const committee = await county.scopeOf(phones.committeeAdmin);
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, activity.id), eq(notices.userId, committee.userId)));
    expect(told).toHaveLength(1);
    await expect(disputeCheckin(county.db, member, { checkinId: mine!.id, reason: "不是我的" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("does not tell a disabled account of a dispute", async () => {
    const scope = await proxiedMember(county.ownMemberId);
    const mine = await myCheckin(county.db, scope, activity.id);
    const committee = await county.scopeOf(phones.committeeAdmin);
    const toldBefore = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, activity.id), eq(notices.userId, committee.userId)));
    await county.db.update(users).set({ active: false }).where(eq(users.id, committee.userId));
    try {
      await disputeCheckin(county.db, scope, { checkinId: mine!.id, reason: "我当天在外地" });
    } finally {
      await county.db.update(users).set({ active: true }).where(eq(users.id, committee.userId));
    }
    const toldAfter = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, activity.id), eq(notices.userId, committee.userId)));
    expect(toldAfter).toHaveLength(toldBefore.length);
    const secretaryTold = await county.db
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.activityId, activity.id),
          eq(notices.userId, county.secretary.userId),
          eq(notices.body, "我当天在外地"),
        ),
      );
    expect(secretaryTold.length).toBeGreaterThan(0);
  });

  it("is refused to a secretary of another branch", async () => {
    const other = await county.scopeOf("13800000013");
    await expect(
      proxyCheckIn(county.db, other, { activityId: activity.id, memberId: member.userId, reason: "代签" }, at(2)),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("guessing codes", () => {
  it("after ten wrong codes in ten minutes a member must wait; each wrong code is audited", async () => {
    const guesser = (await loadSessionUser(county.db, county.ownMemberId))!.scope;
    const during = at(5);
    const right = await codeFor(activity.checkinSecret, activity.id, stepAt(during.getTime()));
    const wrong = right === "000000" ? "111111" : "000000";
    const guess = (when: Date) =>
      checkIn(county.db, guesser, { activityId: activity.id, code: wrong, clientId: randomUUID() }, when);
    for (let i = 0; i < 10; i++) await expect(guess(during)).rejects.toMatchObject({ code: "bad_request" });
    await expect(guess(during)).rejects.toMatchObject({ code: "rate_limited" });
    const audited = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "checkin.bad_code"), eq(auditLog.actorId, guesser.userId)));
    expect(audited).toHaveLength(10);
  });
});
