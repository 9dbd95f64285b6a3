import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideLeave, fileLeave } from "@/db/queries/leave";
import { grantRole } from "@/db/queries/org";
import { decideChange, requestChange } from "@/db/queries/schedule-changes";
import { notices, scheduleChanges } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { leaveRequests } from "@/db/schema/leave";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

/**
 * Two people deciding the same request: at once (Promise.all, which on PostgreSQL runs the two transactions
 * side by side) or from a page left open. One decision stands, the other is told who decided what, and the
 * record has one audit entry and one notice.
 */

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let committee: Scope;
/** A second secretary of the home branch, and a second committee admin and county admin. */
let deputy: Scope;
let committee2: Scope;
let admin2: Scope;
let people: Scope[];
let activityId: number;

const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
const startsAt = minute(Date.now() + 10 * 86_400_000);
const before = new Date(startsAt.getTime() - 5 * 86_400_000);

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  committee = await county.scopeOf(phones.committeeAdmin);
  await grantRole(county.db, admin, {
    nodeId: county.homeBranchId,
    role: "secretary",
    phone: "13900000201",
    name: "王副书记",
  });
  deputy = await county.scopeOf("13900000201");
  await grantRole(county.db, admin, {
    nodeId: committee.grants.find((g) => g.role === "committee_admin")!.nodeId,
    role: "committee_admin",
    phone: "13900000202",
    name: "李委员",
  });
  committee2 = await county.scopeOf("13900000202");
  await grantRole(county.db, admin, {
    nodeId: admin.grants.find((g) => g.role === "county_admin")!.nodeId,
    role: "county_admin",
    phone: "13900000203",
    name: "赵部长",
  });
  admin2 = await county.scopeOf("13900000203");
  activityId = (await county.themeDay({ title: "学党章 守纪律", startsAt })).activity.id;
  people = await county.homeMembers(4);
});
afterAll(() => county.close());

const ask = (member: Scope) =>
  fileLeave(
    county.db,
    member,
    { clientId: randomUUID(), activityId, type: "sick", reason: "发烧住院", late: false },
    before,
  );
const auditsOf = async (type: string, id: number, prefix: string) =>
  (
    await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, type), eq(auditLog.targetId, String(id))))
  ).filter((a) => a.action.startsWith(prefix));
const leaveNoticesOf = async (member: Scope) =>
  (
    await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, member.userId), eq(notices.kind, "leave"), eq(notices.activityId, activityId)))
  ).filter((n) => n.title.startsWith("请假已批准") || n.title.startsWith("请假未获批准"));

describe("two secretaries deciding one leave request", () => {
  it("pressed together: one decision stands, the other is refused naming who decided what", async () => {
    const { id } = await ask(people[0]);
    const results = await Promise.allSettled([
      decideLeave(county.db, county.secretary, { leaveId: id, decision: "approve", comment: "" }, before),
      decideLeave(county.db, deputy, { leaveId: id, decision: "reject", comment: "请尽量参加" }, before),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    const [row] = await county.db.select().from(leaveRequests).where(eq(leaveRequests.id, id));
    const winner = row.decidedBy === county.secretary.userId ? "张志强" : "王副书记";
    expect(refused.reason).toMatchObject({
      code: "conflict",
      message: t.leave.decidedMeanwhile(winner, t.leave.status[row.status as "approved" | "rejected"]),
    });
    expect(await auditsOf("leave_request", id, "leave.approve")).toHaveLength(row.status === "approved" ? 1 : 0);
    expect(await auditsOf("leave_request", id, "leave.reject")).toHaveLength(row.status === "rejected" ? 1 : 0);
    expect(await leaveNoticesOf(people[0])).toHaveLength(1);
  });

  it("a stale page seconds later: refused, the first decision stands", async () => {
    const { id } = await ask(people[1]);
    await decideLeave(county.db, county.secretary, { leaveId: id, decision: "approve", comment: "" }, before);
    // The deputy's page still shows the request as pending.
    await expect(
      decideLeave(
        county.db,
        deputy,
        { leaveId: id, decision: "reject", comment: "不同意", from: "pending" },
        new Date(before.getTime() + 6000),
      ),
    ).rejects.toMatchObject({
      code: "conflict",
      message: t.leave.decidedMeanwhile("张志强", t.leave.status.approved),
    });
    const [row] = await county.db.select().from(leaveRequests).where(eq(leaveRequests.id, id));
    expect(row).toMatchObject({ status: "approved", decidedBy: county.secretary.userId });
    expect(await auditsOf("leave_request", id, "leave.")).toHaveLength(2); // the request and the one approval
    expect(await leaveNoticesOf(people[1])).toHaveLength(1);
  });

  it("a deliberate change of decision, from a page showing the decision, still goes through", async () => {
    const { id } = await ask(people[2]);
    await decideLeave(county.db, county.secretary, { leaveId: id, decision: "approve", comment: "" }, before);
    await decideLeave(
      county.db,
      deputy,
      { leaveId: id, decision: "reject", comment: "培训可调整", from: "approved" },
      before,
    );
    const [row] = await county.db.select().from(leaveRequests).where(eq(leaveRequests.id, id));
    expect(row).toMatchObject({ status: "rejected", decidedBy: deputy.userId });
  });
});

describe("two admins deciding one schedule change", () => {
  const status = t.scheduleChange.status;

  it("two committee admins at once: one endorses or returns, the other is told which and by whom", async () => {
    const { changeId } = await requestChange(
      county.db,
      county.secretary,
      { activityId, toStartsAt: minute(startsAt.getTime() + 86_400_000), reason: "与防汛值班冲突" },
      before,
    );
    const results = await Promise.allSettled([
      decideChange(county.db, committee, { changeId, decision: "endorse", comment: "" }, before),
      decideChange(county.db, committee2, { changeId, decision: "return", comment: "再议" }, before),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [change] = await county.db.select().from(scheduleChanges).where(eq(scheduleChanges.id, changeId));
    const winner = change.committeeBy === committee.userId ? "李秀英" : "李委员";
    const [refused] = results.filter((r) => r.status === "rejected");
    expect(refused.reason).toMatchObject({
      code: "conflict",
      message: t.scheduleChange.decidedMeanwhile(winner, status[change.status]),
    });
    expect((await auditsOf("schedule_change", changeId, "schedule.")).map((a) => a.action).sort()).toEqual(
      ["schedule.request", `schedule.${change.status === "returned" ? "return" : "endorse"}`].sort(),
    );
    const told = await county.db
      .select()
      .from(notices)
      .where(
        and(
          eq(notices.userId, county.secretary.userId),
          eq(notices.kind, "schedule_change"),
          eq(notices.activityId, activityId),
        ),
      );
    expect(told).toHaveLength(1);
  });

  it("two county admins, one at once and one from a stale page", async () => {
    // The request of the test above, whichever way it went, is put aside so the branch may ask again.
    await county.db
      .update(scheduleChanges)
      .set({ status: "returned" })
      .where(eq(scheduleChanges.activityId, activityId));
    const { changeId } = await requestChange(
      county.db,
      county.secretary,
      { activityId, toStartsAt: minute(startsAt.getTime() + 2 * 86_400_000), reason: "与防汛值班冲突" },
      before,
    );
    await decideChange(county.db, committee, { changeId, decision: "endorse", comment: "" }, before);
    const results = await Promise.allSettled([
      decideChange(county.db, admin, { changeId, decision: "approve", comment: "" }, before),
      decideChange(county.db, admin2, { changeId, decision: "reject", comment: "不行" }, before),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [change] = await county.db.select().from(scheduleChanges).where(eq(scheduleChanges.id, changeId));
    const winner = change.countyBy === admin.userId ? "王建国" : "赵部长";
    const message = t.scheduleChange.decidedMeanwhile(winner, status[change.status]);
    expect(results.find((r) => r.status === "rejected")!.reason).toMatchObject({ code: "conflict", message });
    await expect(
      decideChange(
        county.db,
        admin2,
        { changeId, decision: "approve", comment: "" },
        new Date(before.getTime() + 6000),
      ),
    ).rejects.toMatchObject({ code: "conflict", message });
    const decisions = (await auditsOf("schedule_change", changeId, "schedule.")).filter(
      (a) => a.action === "schedule.approve" || a.action === "schedule.reject",
    );
    expect(decisions).toHaveLength(1);
  });
});
