import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { grantRole } from "@/db/queries/org";
import { publishPlan, revisePlan } from "@/db/queries/plans";
import {
  changesForActivity,
  countChanges,
  decideChange,
  listChanges,
  requestChange,
} from "@/db/queries/schedule-changes";
import { activities, attendance, notices, scheduleChanges } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { orgNodes } from "@/db/schema/org";
import { members } from "@/db/schema/users";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { formatWhen, toLocalInput } from "@/lib/time";
import { demoCounty, phones } from "./county";
// The actions take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
const { requestChangeAction } = await import("@/app/(secretary)/branch/activities/[activityId]/reschedule/actions");
const { decideChangeAction } = await import("@/app/(admin)/admin/schedule-changes/actions");

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let committee: Scope;
let secretary: Scope;
/** Secretaries of 南关村 (same committee), 西关村 (same committee) and 幸福里 (河西街道党工委). */
let nanguan: Scope;
let xiguan: Scope;
let hexi: Scope;
/** The committee admin of 河西街道党工委, appointed in this test. */
let hexiCommittee: Scope;
const act: Record<"own" | "nanguan" | "xiguan" | "hexi", number> = { own: 0, nanguan: 0, xiguan: 0, hexi: 0 };

const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
const inDays = (days: number) => minute(Date.now() + days * 86_400_000);
const planStart = inDays(10);
const reason = "与防汛值班冲突，改到周末开展";

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  committee = await county.scopeOf(phones.committeeAdmin);
  secretary = county.secretary;
  [nanguan, xiguan, hexi] = await Promise.all(["13800000011", "13800000012", "13800000013"].map(county.scopeOf));
  const [hexiNode] = await county.db.select().from(orgNodes).where(eq(orgNodes.name, "河西街道党工委"));
  await grantRole(county.db, admin, {
    nodeId: hexiNode.id,
    role: "committee_admin",
    phone: "13900000099",
    name: "钱卫东",
  });
  hexiCommittee = await county.scopeOf("13900000099");

  const { planId } = await publishPlan(county.db, admin, {
    title: "学党章 守纪律",
    startsAt: planStart,
    durationMinutes: 120,
    materials: "",
    links: [],
    items: [{ title: "集中学习", mandatory: false }],
  });
  const made = await county.db.select().from(activities).where(eq(activities.planId, planId));
  const of = (s: Scope) => made.find((a) => a.branchId === s.grants.find((g) => g.role === "secretary")!.nodeId)!.id;
  Object.assign(act, { own: of(secretary), nanguan: of(nanguan), xiguan: of(xiguan), hexi: of(hexi) });
});
afterAll(() => county.close());
beforeEach(() => {
  session.ctx = null;
});

const startOf = async (id: number) =>
  (await county.db.select().from(activities).where(eq(activities.id, id)))[0].startsAt;
const noticesOf = (userId: number, activityId: number) =>
  county.db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.activityId, activityId), eq(notices.kind, "schedule_change")));
const as = (scope: Scope) => (session.ctx = { db: county.db, scope });
/** What a browser posts: strings only, fields left out when empty. */
function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

describe("the full path: request → endorse → approve", () => {
  const to = inDays(12);
  let changeId: number;

  it("the secretary asks; the committee above is told", async () => {
    ({ changeId } = await requestChange(county.db, secretary, { activityId: act.own, toStartsAt: to, reason }));
    const [change] = await county.db.select().from(scheduleChanges).where(eq(scheduleChanges.id, changeId));
    expect(change).toMatchObject({ status: "pending_committee", reason, requestedBy: secretary.userId });
    expect(change.fromStartsAt.getTime()).toBe(planStart.getTime());
    const [told] = await noticesOf(committee.userId, act.own);
    expect(told.title).toBe("城关镇东街社区党支部申请调整主题党日时间");
    expect(told.body).toContain(`${formatWhen(planStart)} → ${formatWhen(to)}`);
    expect(await noticesOf(hexiCommittee.userId, act.own)).toHaveLength(0);
    expect(await startOf(act.own)).toEqual(planStart);
  });

  it("refuses a second open request with a clear message", async () => {
    await expect(
      requestChange(county.db, secretary, { activityId: act.own, toStartsAt: inDays(13), reason }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: t.scheduleChange.openExists,
    });
    const { blocked, changes } = await changesForActivity(county.db, secretary, act.own);
    expect(blocked).toBe(t.scheduleChange.openExists);
    expect(changes[0]).toMatchObject({ status: "pending_committee", requestedByName: "张志强", committeeByName: null });
  });

  it("lets nobody skip or take another's step", async () => {
    const decide = (scope: Scope, decision: "endorse" | "approve") =>
      decideChange(county.db, scope, { changeId, decision, comment: "" });
    await expect(decide(admin, "approve")).rejects.toMatchObject({
      code: "conflict",
      message: t.scheduleChange.notAtCounty,
    });
    await expect(decide(secretary, "endorse")).rejects.toMatchObject({ code: "forbidden" });
    await expect(decide(secretary, "approve")).rejects.toMatchObject({ code: "forbidden" });
    await expect(decide(hexiCommittee, "endorse")).rejects.toMatchObject({ code: "forbidden" });
    await expect(decide(committee, "approve")).rejects.toMatchObject({ code: "forbidden" });
    // The county approves; it does not stand in for the committee.
    await expect(decide(admin, "endorse")).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      decideChange(county.db, committee, { changeId: 999_999, decision: "endorse", comment: "" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("the committee endorses; the secretary and the county are told", async () => {
    expect(await decideChange(county.db, committee, { changeId, decision: "endorse", comment: "情况属实" })).toEqual({
      status: "pending_county",
    });
    expect((await noticesOf(secretary.userId, act.own)).map((n) => n.title)).toContain(
      "调整时间申请已经党委同意，待县委组织部审批",
    );
    expect((await noticesOf(admin.userId, act.own)).map((n) => n.body).join()).toContain("意见：情况属实");
    await expect(
      decideChange(county.db, committee, { changeId, decision: "return", comment: "再议" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await startOf(act.own)).toEqual(planStart);
  });

  it("the county approves: the activity moves, its roster follows and every expected member is told", async () => {
    // A member leaves home while the request waits: the roster at the new time no longer expects them.
    const [leaving] = await county.db
      .select()
      .from(attendance)
      .where(
        and(
          eq(attendance.activityId, act.own),
          eq(attendance.expected, true),
          eq(attendance.memberId, county.ownMemberId),
        ),
      );
    expect(leaving).toBeDefined();
    await county.db.update(members).set({ presence: "away" }).where(eq(members.userId, county.ownMemberId));
    expect(await decideChange(county.db, admin, { changeId, decision: "approve", comment: "" })).toEqual({
      status: "approved",
    });
    expect(await startOf(act.own)).toEqual(to);

    const expected = await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, act.own), eq(attendance.expected, true)));
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.map((r) => r.memberId)).not.toContain(county.ownMemberId);
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.activityId, act.own), eq(notices.title, "活动时间已调整")));
    expect(told.map((n) => n.userId).sort()).toEqual(
      [...new Set([...expected.map((r) => r.memberId), secretary.userId])].sort(),
    );
    expect(told[0].body).toBe(`学党章 守纪律：${formatWhen(planStart)} → ${formatWhen(to)}`);

    const audit = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "schedule_change"), eq(auditLog.targetId, String(changeId))));
    expect(audit.map((a) => a.action)).toEqual(["schedule.request", "schedule.endorse", "schedule.approve"]);
    const { changes } = await changesForActivity(county.db, secretary, act.own);
    expect(changes[0]).toMatchObject({
      status: "approved",
      committeeByName: "李秀英",
      committeeComment: "情况属实",
      countyByName: "王建国",
    });
    await expect(
      decideChange(county.db, admin, { changeId, decision: "reject", comment: "不行" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("saying no", () => {
  it("the committee returns a request with its reason; the secretary may ask again", async () => {
    const { changeId } = await requestChange(county.db, nanguan, {
      activityId: act.nanguan,
      toStartsAt: inDays(11),
      reason: "村里秋收",
    });
    expect(
      await decideChange(county.db, committee, { changeId, decision: "return", comment: "秋收不是理由，请按时开展" }),
    ).toEqual({ status: "returned" });
    const [told] = await noticesOf(nanguan.userId, act.nanguan);
    expect(told).toMatchObject({ title: "调整时间申请被党委退回" });
    expect(told.body).toContain("意见：秋收不是理由，请按时开展");
    await expect(decideChange(county.db, admin, { changeId, decision: "approve", comment: "" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await changesForActivity(county.db, nanguan, act.nanguan)).blocked).toBeNull();
  });

  it("the county rejects an endorsed request and the time stays", async () => {
    const { changeId } = await requestChange(county.db, nanguan, {
      activityId: act.nanguan,
      toStartsAt: inDays(14),
      reason: "书记外出学习",
    });
    await decideChange(county.db, committee, { changeId, decision: "endorse", comment: "" });
    expect(await decideChange(county.db, admin, { changeId, decision: "reject", comment: "可由支委主持" })).toEqual({
      status: "rejected",
    });
    expect(await startOf(act.nanguan)).toEqual(planStart);
    expect((await noticesOf(nanguan.userId, act.nanguan)).map((n) => n.title)).toContain(
      "调整时间申请被县委组织部驳回",
    );
  });

  it("refuses a time in the past or the same time, in Chinese, on the field", async () => {
    await expect(
      requestChange(county.db, xiguan, { activityId: act.xiguan, toStartsAt: inDays(-1), reason }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: t.scheduleChange.inPast,
      fields: { toStartsAt: "新的开始时间不能早于现在。" },
    });
    await expect(
      requestChange(county.db, xiguan, { activityId: act.xiguan, toStartsAt: planStart, reason }),
    ).rejects.toMatchObject({
      message: t.scheduleChange.sameTime,
    });
  });

  it("refuses a started or closed activity", async () => {
    const later = new Date(planStart.getTime() + 60_000);
    await expect(
      requestChange(county.db, xiguan, { activityId: act.xiguan, toStartsAt: inDays(12), reason }, later),
    ).rejects.toMatchObject({
      code: "conflict",
      message: t.scheduleChange.started,
    });
    // Closing needs the start; what matters here is only that a closed activity stays where it is.
    await county.db
      .update(activities)
      .set({ status: "closed", closedAt: new Date() })
      .where(eq(activities.id, act.xiguan));
    await expect(
      requestChange(county.db, xiguan, { activityId: act.xiguan, toStartsAt: inDays(12), reason }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: t.scheduleChange.closed,
    });
    await county.db
      .update(activities)
      .set({ status: "scheduled", closedAt: null })
      .where(eq(activities.id, act.xiguan));
  });

  it("refuses other branches' secretaries, members, and activities that are not theme days", async () => {
    await expect(
      requestChange(county.db, nanguan, { activityId: act.own, toStartsAt: inDays(12), reason }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const member = await county.scopeOf(phones.member);
    await expect(
      requestChange(county.db, member, { activityId: act.own, toStartsAt: inDays(12), reason }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(changesForActivity(county.db, member, act.own)).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      requestChange(county.db, secretary, { activityId: 999_999, toStartsAt: inDays(12), reason }),
    ).rejects.toMatchObject({ code: "not_found" });
    const [meeting] = await county.db
      .insert(activities)
      .values({
        branchId: secretary.member!.branchId,
        type: "party_lecture",
        title: "党课",
        startsAt: inDays(5),
        durationMinutes: 60,
        createdBy: secretary.userId,
      })
      .returning();
    await expect(
      requestChange(county.db, secretary, { activityId: meeting.id, toStartsAt: inDays(6), reason }),
    ).rejects.toMatchObject({
      message: t.scheduleChange.onlyThemeDay,
    });
  });
});

describe("the lists", () => {
  it("shows a committee its own branches' requests, the county all, and a secretary none", async () => {
    await requestChange(county.db, hexi, { activityId: act.hexi, toStartsAt: inDays(11), reason: "社区换届" });
    const branchesOf = async (scope: Scope) => new Set((await listChanges(county.db, scope)).map((r) => r.branchName));
    expect(await branchesOf(committee)).toEqual(new Set(["城关镇东街社区党支部", "城关镇南关村党支部"]));
    expect(await branchesOf(hexiCommittee)).toEqual(new Set(["河西街道幸福里社区党支部"]));
    expect((await branchesOf(admin)).size).toBe(3);
    await expect(listChanges(county.db, secretary)).rejects.toMatchObject({ code: "forbidden" });

    const waiting = await listChanges(county.db, hexiCommittee, { status: "pending_committee" });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      mayDecide: "committee",
      reason: "社区换届",
      requestedByName: "周文斌",
      activityTitle: "学党章 守纪律",
    });
    expect((await listChanges(county.db, admin, { status: "pending_committee" }))[0].mayDecide).toBeNull();
    expect(await countChanges(county.db, admin)).toEqual({
      approved: 1,
      returned: 1,
      rejected: 1,
      pending_committee: 1,
    });
  });
});

describe("the actions", () => {
  it("answer bad input with Chinese messages, never a 500", async () => {
    as(secretary);
    const empty = await requestChangeAction(null, {
      activityId: String(act.own),
      toStartsAt: toLocalInput(inDays(15)),
      reason: "   ",
    });
    expect(empty).toMatchObject({ ok: false, code: "bad_request", fields: { reason: "请填写调整理由（1–500 个字）" } });
    const long = await requestChangeAction(null, {
      activityId: String(act.own),
      toStartsAt: toLocalInput(inDays(15)),
      reason: "理".repeat(501),
    });
    expect(long).toMatchObject({ ok: false, fields: { reason: "请填写调整理由（1–500 个字）" } });
    const garbled = await requestChangeAction(null, { activityId: "abc", toStartsAt: "明天", reason });
    expect(garbled).toMatchObject({
      ok: false,
      code: "bad_request",
      fields: { activityId: "编号无效", toStartsAt: "请选择开始时间" },
    });
    const past = await requestChangeAction(null, {
      activityId: String(act.own),
      toStartsAt: "2020-01-01T09:00",
      reason,
    });
    expect(past).toMatchObject({ ok: false, code: "bad_request", error: t.scheduleChange.inPast });

    as(hexiCommittee);
    const bare = await decideChangeAction(null, { changeId: "1", decision: "return", comment: " " });
    expect(bare).toMatchObject({ ok: false, code: "bad_request", fields: { comment: "退回或驳回时请填写意见。" } });
    const odd = await decideChangeAction(null, form({ changeId: "1", decision: "maybe" }));
    expect(odd).toMatchObject({ ok: false, code: "bad_request", fields: { decision: "请选择一项" } });
  });

  it("go from the form to the database, and a refusal is audited", async () => {
    as(secretary);
    const asked = await requestChangeAction(null, {
      activityId: String(act.own),
      toStartsAt: toLocalInput(inDays(15)),
      reason,
    });
    expect(asked).toEqual({ ok: true, data: "已提交，等待党委审核。" });
    const [open] = await county.db
      .select()
      .from(scheduleChanges)
      .where(and(eq(scheduleChanges.activityId, act.own), inArray(scheduleChanges.status, ["pending_committee"])));

    as(hexiCommittee);
    expect(await decideChangeAction(null, form({ changeId: String(open.id), decision: "endorse" }))).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const denied = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "schedule.decide"), eq(auditLog.outcome, "denied")));
    expect(denied).toHaveLength(1);

    as(committee);
    expect(
      await decideChangeAction(null, { changeId: String(open.id), decision: "return", comment: "理由不充分" }),
    ).toEqual({ ok: true, data: "已退回支部。" });
  });
});

describe("a later plan revision", () => {
  it("leaves a branch's approved time alone and moves the others", async () => {
    const movedTo = await startOf(act.own);
    const [{ planId }] = await county.db
      .select({ planId: activities.planId })
      .from(activities)
      .where(eq(activities.id, act.own));
    const revised = inDays(9);
    await revisePlan(county.db, admin, {
      planId: planId!,
      title: "学党章 守纪律",
      startsAt: revised,
      durationMinutes: 120,
      materials: "",
      links: [],
      items: [{ title: "集中学习", mandatory: false }],
    });
    expect(await startOf(act.own)).toEqual(movedTo);
    expect(await startOf(act.nanguan)).toEqual(revised);
  });
});
