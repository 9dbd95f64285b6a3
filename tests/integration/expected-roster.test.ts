import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { activityForSecretary, createMeeting, listBranchActivities } from "@/db/queries/activity-run";
import { yearlyAssessment } from "@/db/queries/assessment";
import { listAudit } from "@/db/queries/audit";
import { attendanceSummary, checkinScreen } from "@/db/queries/checkin-screen";
import { myCheckin, proxyCheckIn } from "@/db/queries/checkins";
import { myCommunity, pendingReports } from "@/db/queries/community";
import { branchFeedback, feedbackRollup } from "@/db/queries/community-feedback";
import { complianceForMonth } from "@/db/queries/compliance";
import { branchDashboard, countyDashboard } from "@/db/queries/dashboard";
import { freezeRosters } from "@/db/queries/expected-roster";
import { branchLeave, committeeLeave, leaveFormFor, myLeave } from "@/db/queries/leave-lists";
import { activityForMember, myActivities, nextActivity } from "@/db/queries/member-activities";
import { listMyNotices, readStatus, unreadCount } from "@/db/queries/notices";
import { listTree } from "@/db/queries/org";
import { recordPaperSheet } from "@/db/queries/paper-sheet";
import { listPlans } from "@/db/queries/plans";
import { quarterStats } from "@/db/queries/point-stats";
import { bulletinRollup, monthlyBulletin, myPoints } from "@/db/queries/point-views";
import { addMember, listRoster, setMemberActive, updateMember } from "@/db/queries/roster";
import { listChanges } from "@/db/queries/schedule-changes";
import { gridServiceActivities, memberServiceActivities } from "@/db/queries/service-activities";
import { totpStatus } from "@/db/queries/totp";
import { gridHours, myHours } from "@/db/queries/volunteer-hours";
import { attendance, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { checkins } from "@/db/schema/checkins";
import type { Scope } from "@/lib/scope";
import { monthOf } from "@/lib/time";
import { branchLeaveQuery } from "@/lib/validation/leave";
import { addMemberInput, memberFields } from "@/lib/validation/roster";
import { demoCounty, phones } from "./county";

/**
 * The expected roster is kept by the writes that change it and frozen at the start by the roster job; page
 * loaders only read; a write and its audit entry are one transaction.
 */
let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
const DAY = 86_400_000;
const hour = (ms: number) => new Date(Math.ceil(ms / 3_600_000) * 3_600_000);
const startsAt = hour(Date.now() + 2 * DAY);
const minutes = (n: number) => new Date(startsAt.getTime() + n * 60_000);
let activityId: number;
let later: number;
const month = monthOf(new Date());
const quarter = { year: Number(month.slice(0, 4)), quarter: Math.ceil(Number(month.slice(5, 7)) / 3) };

const meeting = (title: string, at: Date) =>
  createMeeting(county.db, county.secretary, {
    branchId: county.homeBranchId,
    type: "group_meeting",
    title,
    startsAt: at,
    durationMinutes: 60,
    links: [],
  });
const rowOf = async (id: number, memberId: number) =>
  (
    await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, id), eq(attendance.memberId, memberId)))
  )[0];
let phone = 13977770000;
const newcomer = async (presence: "home" | "away" = "home") =>
  (
    await addMember(
      county.db,
      county.secretary,
      addMemberInput.parse({
        name: "新党员",
        phone: String(++phone),
        gender: "female",
        category: "formal",
        presence,
        employment: "in_office",
        branchId: county.homeBranchId,
      }),
    )
  ).userId;

/** Fails every audit entry of `action` while `run` runs: the write it belongs to must leave nothing behind. */
async function withFailingAudit(db: Db, action: string, run: () => Promise<unknown>) {
  await db.execute(
    sql.raw(`create or replace function fail_audit() returns trigger language plpgsql as $$
    begin if new.action = '${action}' then raise exception 'audit unavailable'; end if; return new; end $$`),
  );
  await db.execute(
    sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`,
  );
  try {
    await run();
  } finally {
    await db.execute(sql`drop trigger fail_audit on audit_log`);
  }
}

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  activityId = (await meeting("名册测试", startsAt)).activityId;
  later = (await meeting("只读测试", hour(startsAt.getTime() + 3 * DAY))).activityId;
});
afterAll(() => county.close());

describe("the expected roster before the start", () => {
  it("takes in a member the moment they are added, and not one who is away", async () => {
    const home = await newcomer();
    const away = await newcomer("away");
    expect(await rowOf(activityId, home)).toMatchObject({ expected: true, outcome: null });
    expect(await rowOf(activityId, away)).toMatchObject({ expected: false });
  });

  it("follows a member going away and coming home", async () => {
    const id = await newcomer();
    const fields = memberFields.parse({
      name: "新党员",
      phone: String(phone),
      gender: "female",
      category: "formal",
      presence: "away",
      employment: "in_office",
    });
    await updateMember(county.db, county.secretary, { ...fields, userId: id });
    expect(await rowOf(activityId, id)).toMatchObject({ expected: false });
    await updateMember(county.db, county.secretary, { ...fields, presence: "home", userId: id });
    expect(await rowOf(activityId, id)).toMatchObject({ expected: true });
  });

  it("lets a disabled member go, and takes them back when enabled", async () => {
    const id = await newcomer();
    await setMemberActive(county.db, county.secretary, { userId: id, active: false });
    expect(await rowOf(activityId, id)).toBeUndefined();
    await setMemberActive(county.db, county.secretary, { userId: id, active: true });
    expect(await rowOf(activityId, id)).toMatchObject({ expected: true });
  });
});

describe("page loaders", () => {
  it("write nothing: each runs in a read-only transaction", async () => {
    // Joined after the activity was announced, with nobody having opened a page since.
    await newcomer();
    await county.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction read only`);
      await activityForSecretary(tx, county.secretary, later, minutes(-60));
      await leaveFormFor(tx, member, later, minutes(-60));
      await activityForMember(tx, member, later);
      await myCheckin(tx, member, later);
      await myActivities(tx, member);
      await nextActivity(tx, member);
      await myLeave(tx, member);
      await readStatus(tx, county.secretary, later);
      await attendanceSummary(tx, county.secretary, later);
      await checkinScreen(tx, county.secretary, later);
      await listMyNotices(tx, member);
      await unreadCount(tx, member);
      await listRoster(tx, county.secretary, { branchId: county.homeBranchId });
      await listBranchActivities(tx, county.secretary, county.homeBranchId);
      await branchDashboard(tx, county.secretary, county.homeBranchId, month);
      await branchLeave(tx, county.secretary, branchLeaveQuery.parse({ branchId: county.homeBranchId }));
      await monthlyBulletin(tx, county.secretary, county.homeBranchId, month);
      await branchFeedback(tx, county.secretary, county.homeBranchId, quarter);
      await myPoints(tx, member);
      await myCommunity(tx, member);
      await memberServiceActivities(tx, member);
      await myHours(tx, member);
      await totpStatus(tx, member);
    });
  });

  it("of the admins and the grid worker write nothing either", async () => {
    const [admin, committee, grid] = await Promise.all(
      [phones.countyAdmin, phones.committeeAdmin, phones.gridWorker].map(county.scopeOf),
    );
    await county.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction read only`);
      for (const reviewer of [admin, committee]) {
        await listTree(tx, reviewer);
        await countyDashboard(tx, reviewer, month);
        await bulletinRollup(tx, reviewer, month);
        await quarterStats(tx, reviewer, quarter);
        await feedbackRollup(tx, reviewer, quarter);
        await yearlyAssessment(tx, reviewer, quarter.year);
        await listChanges(tx, reviewer);
      }
      await committeeLeave(tx, committee);
      await complianceForMonth(tx, admin, month);
      await listPlans(tx, admin);
      await listAudit(tx, admin);
      await pendingReports(tx, grid);
      await gridHours(tx, grid, "submitted");
      await gridServiceActivities(tx, grid);
    });
  });
});

describe("the roster job", () => {
  it("freezes an activity once it has started, once; a member added after the start is not expected", async () => {
    const before = await county.db.select().from(attendance).where(eq(attendance.activityId, activityId));
    expect(await freezeRosters(county.db, minutes(-1))).toBe(0);
    expect(await freezeRosters(county.db, minutes(1))).toBeGreaterThan(0);
    expect(await freezeRosters(county.db, minutes(1))).toBe(0);
    const id = await newcomer();
    expect(await rowOf(activityId, id)).toBeUndefined();
    expect(await rowOf(later, id)).toMatchObject({ expected: true });
    expect(await county.db.select().from(attendance).where(eq(attendance.activityId, activityId))).toHaveLength(
      before.length,
    );
  });
});

describe("a write and its audit entry", () => {
  it("proxy check-in: an audit that fails leaves no check-in, outcome or notice", async () => {
    const target = county.ownMemberId;
    await withFailingAudit(county.db, "checkin.proxy", () =>
      expect(
        proxyCheckIn(county.db, county.secretary, { activityId, memberId: target, reason: "无智能手机" }, minutes(2)),
      ).rejects.toThrow(),
    );
    expect(
      await county.db
        .select()
        .from(checkins)
        .where(and(eq(checkins.activityId, activityId), eq(checkins.memberId, target))),
    ).toHaveLength(0);
    expect(await rowOf(activityId, target)).toMatchObject({ outcome: null });
    expect(
      await county.db
        .select()
        .from(notices)
        .where(and(eq(notices.activityId, activityId), eq(notices.userId, target), eq(notices.kind, "activity"))),
    ).toHaveLength(1);
    // With the audit back, the same entry goes through.
    await expect(
      proxyCheckIn(county.db, county.secretary, { activityId, memberId: target, reason: "无智能手机" }, minutes(2)),
    ).resolves.toMatchObject({ status: "checked_in" });
  });

  it("paper sheet: the whole sheet or nothing", async () => {
    const rows = await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activityId), eq(attendance.expected, true)));
    const open = rows
      .filter((r) => r.outcome === null)
      .slice(0, 3)
      .map((r) => r.memberId);
    const entries = open.map((memberId) => ({ memberId, outcome: "present" as const }));
    await withFailingAudit(county.db, "checkin.paper_sheet", () =>
      expect(recordPaperSheet(county.db, county.secretary, { activityId, entries }, minutes(5))).rejects.toThrow(),
    );
    for (const id of open)
      expect(
        await county.db
          .select()
          .from(checkins)
          .where(and(eq(checkins.activityId, activityId), eq(checkins.memberId, id))),
      ).toHaveLength(0);
    expect(await county.db.select().from(auditLog).where(eq(auditLog.action, "checkin.paper_sheet"))).toHaveLength(0);
    await expect(recordPaperSheet(county.db, county.secretary, { activityId, entries }, minutes(5))).resolves.toEqual({
      recorded: 3,
      already: 0,
    });
  });
});
