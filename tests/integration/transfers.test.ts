import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeActivity, markStep } from "@/db/queries/activity-run";
import { yearlyAssessment } from "@/db/queries/assessment";
import { proxyCheckIn } from "@/db/queries/checkins";
import { decideReport, fileReport } from "@/db/queries/community";
import { branchFeedback, feedbackRollup } from "@/db/queries/community-feedback";
import { publishPlan } from "@/db/queries/plans";
import { quarterStats } from "@/db/queries/point-stats";
import { bulletinRollup, monthlyBulletin } from "@/db/queries/point-views";
import { getMember, listRoster } from "@/db/queries/roster";
import { loadSessionUser } from "@/db/queries/session";
import {
  branchTransfers,
  chaseTransfer,
  decideTransfer,
  myTransfers,
  remindOverdueTransfers,
  startTransfer,
  transfersOverview,
  withdrawTransfer,
} from "@/db/queries/transfers";
import { recordHours } from "@/db/queries/volunteer-hours";
import { activities, activitySteps, attendance, notices } from "@/db/schema/activities";
import { communityReports } from "@/db/schema/community";
import { orgNodes } from "@/db/schema/org";
import { pointEntries } from "@/db/schema/points";
import { members, roleGrants } from "@/db/schema/users";
import { demoCounty as demoNames } from "@/db/seed";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

/**
 * A member transferred in the middle of 2025, from the home branch to another of the county: every report
 * shows them in the sending branch for the months before and in the receiving branch after.
 */

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let committee: Scope;
let worker: Scope;
let sender: Scope;
let receiver: Scope;
let moved: number;
let home: number;
let other: number;
const at = (iso: string) => new Date(`${iso}+08:00`);
const MARCH_HOURS = 6; // half-hours
const SEPTEMBER_HOURS = 10;

async function themeDay(startsAt: Date, publishedAt: Date) {
  const { planId } = await publishPlan(
    county.db,
    admin,
    {
      title: "主题党日",
      startsAt,
      durationMinutes: 120,
      materials: "",
      links: [],
      items: [{ title: "学习", mandatory: false }],
    },
    publishedAt,
  );
  const made = await county.db.select().from(activities).where(eq(activities.planId, planId));
  return (branchId: number) => made.find((a) => a.branchId === branchId)!;
}

async function attendAndClose(scope: Scope, activityId: number, memberId: number, startsAt: Date) {
  const during = new Date(startsAt.getTime() + 600_000);
  await proxyCheckIn(county.db, scope, { activityId, memberId, reason: "代签" }, during);
  const steps = await county.db.select().from(activitySteps).where(eq(activitySteps.activityId, activityId));
  for (const step of steps.filter((s) => s.mandatory))
    await markStep(county.db, scope, { stepId: step.id, done: true }, during);
  await closeActivity(county.db, scope, { activityId }, new Date(startsAt.getTime() + 3 * 3600_000));
}

const hoursFor = (servedOn: string, halfHours: number) =>
  recordHours(county.db, worker, {
    clientId: randomUUID(),
    memberId: moved,
    servedOn,
    hours: halfHours,
    description: "服务",
  } as never);

let before: {
  q1: Awaited<ReturnType<typeof quarterStats>>;
  q3: Awaited<ReturnType<typeof quarterStats>>;
  year: Awaited<ReturnType<typeof yearlyAssessment>>;
};

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  committee = await county.scopeOf(phones.committeeAdmin);
  worker = await county.scopeOf(phones.gridWorker);
  sender = county.secretary;
  home = county.homeBranchId;
  other = county.otherBranchId;
  moved = county.ownMemberId;
  const [grant] = await county.db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "secretary"), eq(roleGrants.nodeId, other)));
  receiver = (await loadSessionUser(county.db, grant.userId))!.scope;
  // The member reports to a grid, so hours can be logged for them.
  const [grid] = await county.db.select().from(orgNodes).where(eq(orgNodes.name, demoNames.firstGrid));
  const self = (await loadSessionUser(county.db, moved))!.scope;
  const [waiting] = await county.db
    .select({ id: communityReports.id, status: communityReports.status })
    .from(communityReports)
    .where(eq(communityReports.memberId, moved));
  const reportId =
    waiting?.id ?? (await fileReport(county.db, self, { gridId: grid.id, postIds: [], note: undefined })).id;
  if (waiting?.status !== "confirmed")
    await decideReport(county.db, worker, { reportId, decision: "confirm", comment: "" });

  // March: a theme day in the home branch, attended.
  const march = at("2025-03-15T09:00:00");
  const marchOf = await themeDay(march, at("2025-03-01T09:00:00"));
  await attendAndClose(sender, marchOf(home).id, moved, march);
  // June: transferred, accepted the next day.
  const { id: transferId } = await startTransfer(
    county.db,
    sender,
    { memberId: moved, toBranchId: other, reason: "工作调动" },
    at("2025-06-01T10:00:00"),
  );
  await decideTransfer(county.db, receiver, { transferId, decision: "accept", note: "" }, at("2025-06-02T10:00:00"));
  // September: a theme day in the receiving branch, attended.
  const september = at("2025-09-15T09:00:00");
  const septemberOf = await themeDay(september, at("2025-09-01T09:00:00"));
  await attendAndClose(receiver, septemberOf(other).id, moved, september);
  // Hours for both months, logged after the transfer: the day served decides the branch.
  before = {
    q1: await quarterStats(county.db, admin, { year: 2025, quarter: 1 }),
    q3: await quarterStats(county.db, admin, { year: 2025, quarter: 3 }),
    year: await yearlyAssessment(county.db, admin, 2025),
  };
  await hoursFor("2025-03-10", MARCH_HOURS);
  await hoursFor("2025-09-10", SEPTEMBER_HOURS);
}, 240_000);
afterAll(() => county.close());

const rowOf = <T extends { memberId: number }>(rows: T[]) => rows.find((r) => r.memberId === moved);
const branchRow = <T extends { id: number }>(rows: T[], id: number) => rows.find((r) => r.id === id)!;

describe("history stays where it happened", () => {
  it("the points bulletin shows the member in the sending branch before and the receiving one after", async () => {
    const homeMarch = await monthlyBulletin(county.db, sender, home, "2025-03");
    expect(rowOf(homeMarch.rows)).toMatchObject({ came: 1, expected: 1 });
    expect(rowOf(homeMarch.rows)!.monthPoints).toBeGreaterThan(0);
    expect(rowOf((await monthlyBulletin(county.db, receiver, other, "2025-03")).rows)).toBeUndefined();
    expect(rowOf((await monthlyBulletin(county.db, sender, home, "2025-09")).rows)).toBeUndefined();
    const otherSeptember = await monthlyBulletin(county.db, receiver, other, "2025-09");
    expect(rowOf(otherSeptember.rows)).toMatchObject({ came: 1, expected: 1 });
    // The year so far in the receiving branch is what was earned there, not the March points.
    expect(rowOf(otherSeptember.rows)!.yearPoints).toBe(rowOf(otherSeptember.rows)!.monthPoints);
  });

  it("the ledger's entries carry the branch of their day, and the member sees them all", async () => {
    // 2025 only: the demo county's own entries are of this year, written before the test moved anyone.
    const entries = (await county.db.select().from(pointEntries).where(eq(pointEntries.memberId, moved))).filter(
      (e) => e.occurredAt < at("2026-01-01T00:00:00"),
    );
    expect(entries.filter((e) => e.occurredAt < at("2025-06-02T10:00:00")).every((e) => e.branchId === home)).toBe(
      true,
    );
    expect(entries.filter((e) => e.occurredAt > at("2025-06-02T10:00:00")).every((e) => e.branchId === other)).toBe(
      true,
    );
    expect(new Set(entries.map((e) => e.branchId))).toEqual(new Set([home, other]));
  });

  it("the rollup counts the member in one branch per month", async () => {
    const march = await bulletinRollup(county.db, admin, "2025-03");
    const september = await bulletinRollup(county.db, admin, "2025-09");
    const count = (rows: typeof march, id: number) => rows.find((r) => r.branchId === id)!.members;
    expect(count(march, home) - count(september, home)).toBe(1);
    expect(count(september, other) - count(march, other)).toBe(1);
  });

  it("quarterly statistics put each month's hours with the branch of that day", async () => {
    const q1 = await quarterStats(county.db, admin, { year: 2025, quarter: 1 });
    const q3 = await quarterStats(county.db, admin, { year: 2025, quarter: 3 });
    const hours = (s: typeof q1, id: number) => branchRow(s.branches, id).hours;
    expect(hours(q1, home) - hours(before.q1, home)).toBe(MARCH_HOURS / 2);
    expect(hours(q1, other) - hours(before.q1, other)).toBe(0);
    expect(hours(q3, other) - hours(before.q3, other)).toBe(SEPTEMBER_HOURS / 2);
    expect(hours(q3, home) - hours(before.q3, home)).toBe(0);
    expect(branchRow(q1.branches, home).attendanceRate).not.toBeNull();
    expect(branchRow(q3.branches, other).attendanceRate).not.toBeNull();
  });

  it("the yearly assessment counts the member in the branch they ended the year in, hours by day", async () => {
    const year = await yearlyAssessment(county.db, admin, 2025);
    const inputs = (y: typeof year, id: number) => branchRow(y.branches, id).inputs;
    const homeMembers = (await listRoster(county.db, sender, { branchId: home })).members.length;
    const otherMembers = (await listRoster(county.db, receiver, { branchId: other })).members.length;
    expect(inputs(year, home).members).toBe(homeMembers);
    expect(inputs(year, other).members).toBe(otherMembers);
    expect(inputs(year, home).hours - inputs(before.year, home).hours).toBe(MARCH_HOURS / 2);
    expect(inputs(year, other).hours - inputs(before.year, other).hours).toBe(SEPTEMBER_HOURS / 2);
    expect(inputs(year, home).came).toBeGreaterThanOrEqual(1);
    expect(inputs(year, other).came).toBeGreaterThanOrEqual(1);
  });

  it("community feedback lists the member and their hours under the branch of each quarter", async () => {
    const homeQ1 = await branchFeedback(county.db, sender, home, { year: 2025, quarter: 1 });
    expect(rowOf(homeQ1.rows)).toMatchObject({ quarterHalfHours: MARCH_HOURS, yearHalfHours: MARCH_HOURS });
    expect(rowOf((await branchFeedback(county.db, sender, home, { year: 2025, quarter: 3 })).rows)).toBeUndefined();
    const otherQ3 = await branchFeedback(county.db, receiver, other, { year: 2025, quarter: 3 });
    expect(rowOf(otherQ3.rows)).toMatchObject({ quarterHalfHours: SEPTEMBER_HOURS, yearHalfHours: SEPTEMBER_HOURS });
    expect(rowOf((await branchFeedback(county.db, receiver, other, { year: 2025, quarter: 1 })).rows)).toBeUndefined();
    const q3 = await feedbackRollup(county.db, admin, { year: 2025, quarter: 3 });
    expect(q3.find((r) => r.branchId === other)!.quarterHalfHours).toBeGreaterThanOrEqual(SEPTEMBER_HOURS);
    expect(q3.find((r) => r.branchId === home)!.quarterHalfHours).toBe(0);
  });

  it("attendance stays with each activity's branch", async () => {
    const rows = await county.db
      .select({ branchId: activities.branchId, outcome: attendance.outcome })
      .from(attendance)
      .innerJoin(activities, eq(activities.id, attendance.activityId))
      .where(eq(attendance.memberId, moved));
    expect(rows).toEqual(
      expect.arrayContaining([
        { branchId: home, outcome: "present" },
        { branchId: other, outcome: "present" },
      ]),
    );
    expect(rows.filter((r) => r.branchId === home)).toHaveLength(1);
  });

  it("each secretary sees only their own branch, before and after", async () => {
    await expect(monthlyBulletin(county.db, sender, other, "2025-09")).rejects.toMatchObject({ code: "forbidden" });
    await expect(monthlyBulletin(county.db, receiver, home, "2025-03")).rejects.toMatchObject({ code: "forbidden" });
    await expect(branchFeedback(county.db, receiver, home, { year: 2025, quarter: 1 })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(getMember(county.db, sender, moved)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getMember(county.db, receiver, moved)).branchId).toBe(other);
    await expect(branchTransfers(county.db, receiver, home)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the member sees one continuous history", async () => {
    const self = (await loadSessionUser(county.db, moved))!.scope;
    expect(self.member!.branchId).toBe(other);
    const mine = await myTransfers(county.db, self);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ fromBranchId: home, toBranchId: other, status: "accepted" });
  });
});

describe("the transfer itself", () => {
  const second = async () => {
    const { members: rows } = await listRoster(county.db, sender, { branchId: home });
    return rows.find((m) => m.userId !== sender.userId && m.userId !== moved && m.active)!.userId;
  };

  it("a returned transfer changes nothing; the member stays on the sending roster while pending", async () => {
    const memberId = await second();
    const bulletinBefore = await monthlyBulletin(county.db, sender, home, "2025-09");
    const { id } = await startTransfer(county.db, sender, { memberId, toBranchId: other, reason: "搬家" });
    expect((await listRoster(county.db, sender, { branchId: home })).members.map((m) => m.userId)).toContain(memberId);
    await expect(
      startTransfer(county.db, sender, { memberId, toBranchId: other, reason: "又一次" }),
    ).rejects.toMatchObject({ code: "conflict", message: t.membership.alreadyPending });
    // The receiver's page shows it; the sender cannot decide it.
    expect((await branchTransfers(county.db, receiver, other)).incoming.map((r) => r.id)).toContain(id);
    await expect(
      decideTransfer(county.db, sender, { transferId: id, decision: "accept", note: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await decideTransfer(county.db, receiver, { transferId: id, decision: "return", note: "材料不全" });
    const [row] = await county.db.select().from(members).where(eq(members.userId, memberId));
    expect(row.branchId).toBe(home);
    expect(await monthlyBulletin(county.db, sender, home, "2025-09")).toEqual(bulletinBefore);
    await expect(getMember(county.db, receiver, memberId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("two deciders at once: one wins, the other gets a conflict", async () => {
    const memberId = await second();
    const { id } = await startTransfer(county.db, sender, { memberId, toBranchId: other, reason: "工作调动" });
    const results = await Promise.allSettled([
      decideTransfer(county.db, receiver, { transferId: id, decision: "return", note: "不认识" }),
      decideTransfer(county.db, admin, { transferId: id, decision: "accept", note: "" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", message: t.membership.decided });
    await expect(withdrawTransfer(county.db, sender, { transferId: id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("acceptance moves the roster of an activity that has not started, not one that has", async () => {
    const memberId = await second();
    const now = new Date();
    const soon = new Date(now.getTime() + 7 * 86_400_000);
    const of = await themeDay(soon, now);
    const expectedIn = async (activityId: number) =>
      (
        await county.db
          .select({ memberId: attendance.memberId })
          .from(attendance)
          .where(eq(attendance.activityId, activityId))
      ).map((r) => r.memberId);
    expect(await expectedIn(of(home).id)).toContain(memberId);
    const { id } = await startTransfer(county.db, sender, { memberId, toBranchId: other, reason: "工作调动" }, now);
    expect(await expectedIn(of(home).id)).toContain(memberId);
    await decideTransfer(county.db, receiver, { transferId: id, decision: "accept", note: "" }, now);
    expect(await expectedIn(of(home).id)).not.toContain(memberId);
    expect(await expectedIn(of(other).id)).toContain(memberId);
    const told = await county.db.select().from(notices).where(eq(notices.userId, memberId));
    expect(told.some((n) => n.kind === "membership")).toBe(true);
  });

  it("a pending transfer past the county's deadline is flagged and reminded once", async () => {
    const memberId = await second();
    const started = new Date(Date.now() - 40 * 86_400_000);
    const { id } = await startTransfer(county.db, sender, { memberId, toBranchId: other, reason: "工作调动" }, started);
    expect(
      (await branchTransfers(county.db, receiver, other, started)).incoming.find((r) => r.id === id)!.overdue,
    ).toBe(false);
    expect((await branchTransfers(county.db, receiver, other)).incoming.find((r) => r.id === id)!.overdue).toBe(true);
    const overview = await transfersOverview(county.db, committee);
    expect(overview.find((r) => r.id === id)).toMatchObject({ overdue: true, canChase: true });
    const unread = async () =>
      (await county.db.select().from(notices).where(eq(notices.userId, receiver.userId))).filter(
        (n) => n.title === t.membership.notice.chased(overview.find((r) => r.id === id)!.memberName),
      ).length;
    const told = await unread();
    expect(await remindOverdueTransfers(county.db)).toBeGreaterThanOrEqual(1);
    expect(await remindOverdueTransfers(county.db)).toBe(0);
    expect(await unread()).toBe(told + 1);
    await chaseTransfer(county.db, admin, { transferId: id });
    expect(await unread()).toBe(told + 2);
    await expect(chaseTransfer(county.db, sender, { transferId: id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(transfersOverview(county.db, sender)).rejects.toMatchObject({ code: "forbidden" });
    await withdrawTransfer(county.db, sender, { transferId: id });
  });

  it("refuses a target outside the branches of the county and the same branch", async () => {
    const memberId = await second();
    await expect(startTransfer(county.db, sender, { memberId, toBranchId: home, reason: "x" })).rejects.toMatchObject({
      code: "bad_request",
      message: t.membership.sameBranch,
    });
    const [committeeNode] = await county.db.select().from(orgNodes).where(eq(orgNodes.name, demoNames.firstCommittee));
    await expect(
      startTransfer(county.db, sender, { memberId, toBranchId: committeeNode.id, reason: "x" }),
    ).rejects.toMatchObject({ code: "bad_request", message: t.membership.notBranch });
    await expect(
      startTransfer(county.db, receiver, { memberId, toBranchId: other, reason: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
