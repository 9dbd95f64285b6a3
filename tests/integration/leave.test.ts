import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityForSecretary, closeActivity, markStep } from "@/db/queries/activity-run";
import { approveMany, decideLeave, fileLeave, withdrawLeave } from "@/db/queries/leave";
import { branchLeave, committeeLeave, leaveDetail, myLeave, pendingLeaveCount } from "@/db/queries/leave-lists";
import { confirmMakeup, myOpenMakeup, submitReflection } from "@/db/queries/makeup";
import { attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { leaveRequests, makeupTasks } from "@/db/schema/leave";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let committee: Scope;
let foreignSecretary: Scope;
/** At-home members of the home branch (not the secretary), each the subject of one story below. */
let people: Scope[];
let activityId: number;
let foreignActivityId: number;

const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
const startsAt = minute(Date.now() + 3 * 86_400_000);
const before = new Date(startsAt.getTime() - 86_400_000);
const during = new Date(startsAt.getTime() + 20 * 60_000);
const reflection =
  "通过学习党章第一章总纲，我进一步认识到党员义务的具体要求，今后要在社区服务中主动亮明身份、发挥先锋模范作用，按时参加组织生活，认真完成支部交办的任务。";

const ask = (scope: Scope, extra: Partial<Parameters<typeof fileLeave>[2]> = {}, now = before) =>
  fileLeave(
    county.db,
    scope,
    { clientId: randomUUID(), activityId, type: "sick", reason: "发烧住院", late: false, ...extra },
    now,
  );
const outcomeOf = async (memberId: number) =>
  (
    await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, memberId)))
  )[0];

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  committee = await county.scopeOf(phones.committeeAdmin);
  foreignSecretary = await county.scopeOf("13800000011");
  const day = await county.themeDay({ title: "学党章 守纪律", startsAt, materials: "学习党章第一章。" });
  activityId = day.activity.id;
  foreignActivityId = day.of(county.otherBranchId).id;
  people = await county.homeMembers(8);
});
afterAll(() => county.close());

describe("leave before the theme day", () => {
  it("request → approve → outcome on leave → make-up due 14 days after → reflection → confirmed", async () => {
    const member = people[0];
    const receipt = await ask(member);
    expect(receipt).toMatchObject({ activityId, type: "sick", late: false });
    expect(await pendingLeaveCount(county.db, county.secretary, county.homeBranchId)).toBe(1);
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, county.secretary.userId), eq(notices.kind, "leave")));
    expect(told.map((n) => n.title)).toContainEqual(expect.stringContaining("申请请假：学党章 守纪律"));

    await decideLeave(county.db, county.secretary, { leaveId: receipt.id, decision: "approve", comment: "" }, before);
    expect(await outcomeOf(member.userId)).toMatchObject({ outcome: "leave", source: "leave" });
    const [task] = await county.db.select().from(makeupTasks).where(eq(makeupTasks.leaveId, receipt.id));
    expect(task.dueAt.getTime()).toBe(startsAt.getTime() + 120 * 60_000 + 14 * 86_400_000);
    const mine = await myLeave(county.db, member, before);
    expect(mine[0]).toMatchObject({ status: "approved", makeup: "todo", deciderName: expect.any(String) });
    expect((await myLeave(county.db, member, new Date(task.dueAt.getTime() + 1)))[0].makeup).toBe("overdue");
    // The home page asks for it, with the request's page to do it on.
    expect(await myOpenMakeup(county.db, member, before)).toEqual([
      { id: task.id, leaveId: receipt.id, title: "学党章 守纪律", dueAt: task.dueAt, state: "todo" },
    ]);
    expect(await myOpenMakeup(county.db, people[1], before)).toEqual([]);

    await expect(confirmMakeup(county.db, county.secretary, { taskId: task.id })).rejects.toMatchObject({
      message: t.leave.makeup.notSubmitted,
    });
    await expect(submitReflection(county.db, people[1], { taskId: task.id, reflection })).rejects.toMatchObject({
      code: "forbidden",
    });
    await submitReflection(county.db, member, { taskId: task.id, reflection });
    await expect(confirmMakeup(county.db, member, { taskId: task.id })).rejects.toMatchObject({ code: "forbidden" });
    await confirmMakeup(county.db, county.secretary, { taskId: task.id });
    expect(await myOpenMakeup(county.db, member, before)).toEqual([]);
    await expect(submitReflection(county.db, member, { taskId: task.id, reflection })).rejects.toMatchObject({
      message: t.leave.makeup.alreadyConfirmed,
    });
    expect((await leaveDetail(county.db, member, receipt.id)).task).toMatchObject({
      reflection,
      confirmedBy: county.secretary.userId,
    });
    await expect(
      decideLeave(
        county.db,
        county.secretary,
        { leaveId: receipt.id, decision: "reject", comment: "改判", from: "approved" },
        before,
      ),
    ).rejects.toMatchObject({
      message: t.leave.makeup.confirmedReversal,
    });

    const actions = (await county.db.select().from(auditLog))
      .filter((a) => a.targetId === String(receipt.id) || a.targetId === String(task.id))
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["leave.request", "leave.approve", "makeup.submit", "makeup.confirm"]),
    );
    const memberNotices = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, member.userId), eq(notices.kind, "leave")));
    expect(memberNotices.map((n) => n.title)).toEqual(
      expect.arrayContaining(["请假已批准：学党章 守纪律", "补学已确认：学党章 守纪律"]),
    );
  });

  it("lets a decision change until the activity closes: approve, reject (undoing the outcome and task), approve again", async () => {
    const member = people[1];
    const { id } = await ask(member, { type: "official", reason: "参加县里培训" });
    await expect(
      decideLeave(county.db, county.secretary, { leaveId: id, decision: "reject", comment: "" }),
    ).rejects.toMatchObject({ message: t.leave.commentRequired });
    await decideLeave(county.db, county.secretary, { leaveId: id, decision: "approve", comment: "同意" }, before);
    await expect(
      decideLeave(
        county.db,
        county.secretary,
        { leaveId: id, decision: "approve", comment: "", from: "approved" },
        before,
      ),
    ).rejects.toMatchObject({ message: t.leave.sameDecision });
    await decideLeave(
      county.db,
      county.secretary,
      { leaveId: id, decision: "reject", comment: "培训可调整", from: "approved" },
      before,
    );
    expect(await outcomeOf(member.userId)).toMatchObject({ outcome: null, source: null });
    expect(await county.db.select().from(makeupTasks).where(eq(makeupTasks.leaveId, id))).toHaveLength(0);
    await decideLeave(
      county.db,
      county.secretary,
      { leaveId: id, decision: "approve", comment: "", from: "rejected" },
      before,
    );
    expect(await outcomeOf(member.userId)).toMatchObject({ outcome: "leave" });
    expect(await county.db.select().from(makeupTasks).where(eq(makeupTasks.leaveId, id))).toHaveLength(1);
  });

  it("refuses withdrawal after a decision, allows it while pending, and a new request after withdrawing", async () => {
    const member = people[2];
    const first = await ask(member);
    await expect(ask(member)).rejects.toMatchObject({
      code: "conflict",
      message: t.leave.alreadyOpen,
    });
    await expect(withdrawLeave(county.db, people[3], { leaveId: first.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await withdrawLeave(county.db, member, { leaveId: first.id });
    await expect(
      decideLeave(county.db, county.secretary, { leaveId: first.id, decision: "approve", comment: "" }, before),
    ).rejects.toMatchObject({ message: t.leave.isWithdrawn });
    const second = await ask(member, { type: "personal", reason: "家中有事" });
    await decideLeave(
      county.db,
      county.secretary,
      { leaveId: second.id, decision: "reject", comment: "请尽量参加" },
      before,
    );
    await expect(withdrawLeave(county.db, member, { leaveId: second.id })).rejects.toMatchObject({
      code: "conflict",
      message: t.leave.notPending,
    });
  });

  it("approves several at once, skipping what has changed meanwhile", async () => {
    const a = await ask(people[3]);
    const b = await ask(people[4]);
    const c = await ask(people[5]);
    await withdrawLeave(county.db, people[5], { leaveId: c.id });
    expect(
      await approveMany(county.db, county.secretary, { leaveIds: [a.id, b.id, c.id], comment: "" }, before),
    ).toEqual({ approved: 2, skipped: 1 });
    expect(await outcomeOf(people[4].userId)).toMatchObject({ outcome: "leave" });
  });

  it("sends a secretary's own leave to the committee, never to the secretary", async () => {
    const own = await ask(county.secretary, { type: "official", reason: "参加县委党校培训" });
    await expect(
      decideLeave(county.db, county.secretary, { leaveId: own.id, decision: "approve", comment: "" }, before),
    ).rejects.toMatchObject({ code: "forbidden" });
    const toCommittee = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, committee.userId), eq(notices.kind, "leave")));
    expect(toCommittee).toHaveLength(1);
    expect((await committeeLeave(county.db, committee, before)).pending.map((r) => r.id)).toEqual([own.id]);
    await expect(committeeLeave(county.db, county.secretary)).rejects.toMatchObject({ code: "forbidden" });
    await decideLeave(county.db, committee, { leaveId: own.id, decision: "approve", comment: "同意" }, before);
    expect(await outcomeOf(county.secretary.userId)).toMatchObject({ outcome: "leave" });
  });
});

describe("scope", () => {
  it("keeps another branch's secretary, and members of other branches, out", async () => {
    const { id } = await ask(people[6]);
    const outsider = foreignSecretary;
    await expect(
      decideLeave(county.db, outsider, { leaveId: id, decision: "approve", comment: "" }, before),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveMany(county.db, outsider, { leaveIds: [id], comment: "" }, before)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(leaveDetail(county.db, outsider, id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      branchLeave(county.db, outsider, { branchId: county.homeBranchId, view: "pending" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await pendingLeaveCount(county.db, outsider, county.homeBranchId)).toBe(0);
    await expect(
      decideLeave(county.db, admin, { leaveId: id, decision: "approve", comment: "" }, before),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      fileLeave(
        county.db,
        people[0],
        { clientId: randomUUID(), activityId: foreignActivityId, type: "sick", reason: "x", late: false },
        before,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    const { rows } = await branchLeave(
      county.db,
      county.secretary,
      { branchId: county.homeBranchId, view: "pending" },
      before,
    );
    expect(rows.find((r) => r.id === id)).toMatchObject({ decidable: true, memberId: people[6].userId });
  });
});

describe("after the start", () => {
  it("refuses a request after the start, except as a late reason the secretary may accept", async () => {
    const member = people[7];
    await expect(ask(member, {}, during)).rejects.toMatchObject({
      code: "conflict",
      message: t.leave.started,
    });
    const late = await ask(member, { late: true, type: "other", reason: "路上车坏了" }, during);
    expect(late.late).toBe(true);
    await decideLeave(
      county.db,
      county.secretary,
      { leaveId: late.id, decision: "approve", comment: "情况属实" },
      during,
    );
    expect(await outcomeOf(member.userId)).toMatchObject({ outcome: "leave" });
  });

  it("closing leaves approved leave as leave, and a rejected or undecided request absent; decisions then stand", async () => {
    const rejected = (
      await county.db
        .select()
        .from(leaveRequests)
        .where(and(eq(leaveRequests.memberId, people[2].userId), eq(leaveRequests.status, "rejected")))
    )[0];
    const { steps } = await activityForSecretary(county.db, county.secretary, activityId, during);
    for (const s of steps) await markStep(county.db, county.secretary, { stepId: s.id, done: true }, during);
    await closeActivity(county.db, county.secretary, { activityId }, during);
    expect(await outcomeOf(people[0].userId)).toMatchObject({ outcome: "leave" });
    expect(await outcomeOf(people[2].userId)).toMatchObject({ outcome: "absent" });
    expect(await outcomeOf(people[6].userId)).toMatchObject({ outcome: "absent" });
    await expect(
      decideLeave(county.db, county.secretary, { leaveId: rejected.id, decision: "approve", comment: "" }, during),
    ).rejects.toMatchObject({ message: t.leave.activityClosed });
    await expect(ask(people[5], { late: true }, during)).rejects.toMatchObject({ message: t.leave.closed });
    expect(await pendingLeaveCount(county.db, county.secretary, county.homeBranchId)).toBe(0);
    const decided = await branchLeave(
      county.db,
      county.secretary,
      { branchId: county.homeBranchId, view: "decided" },
      during,
    );
    expect(decided.rows.find((r) => r.memberId === people[6].userId)).toMatchObject({
      status: "pending",
      decidable: false,
    });
  });
});
