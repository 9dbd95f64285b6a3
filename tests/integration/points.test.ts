import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTier, yearlyAssessment } from "@/db/queries/assessment";
import { branchDashboard, countyDashboard } from "@/db/queries/dashboard";
import { quarterStats } from "@/db/queries/point-stats";
import {
  answerAppeal,
  appealEntry,
  branchAppeals,
  bulletinRollup,
  monthlyBulletin,
  myPoints,
  setMemberRanking,
} from "@/db/queries/point-views";
import { award, changeRule, manualEntry, reverseEntry, totalOf } from "@/db/queries/points";
import { correctHours, recordHours } from "@/db/queries/volunteer-hours";
import { activities, attendance, notices } from "@/db/schema/activities";
import { pointEntries } from "@/db/schema/points";
import { members } from "@/db/schema/users";
import { demoCounty as demoNames } from "@/db/seed";
import { t } from "@/lib/messages";
import { capped } from "@/lib/points";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";
import { simulateYear } from "./simulate-year";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let worker: Scope;
const YEAR = 2025;
const yearRange = (y: number) => ({
  from: new Date(`${y}-01-01T00:00:00+08:00`),
  to: new Date(`${y + 1}-01-01T00:00:00+08:00`),
});
const entriesOf = (memberId: number) =>
  county.db.select().from(pointEntries).where(eq(pointEntries.memberId, memberId)).orderBy(pointEntries.id);
let played: Awaited<ReturnType<typeof simulateYear>>;

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  worker = await county.scopeOf(phones.gridWorker);
  played = await simulateYear(
    county.db,
    {
      admin,
      secretary: county.secretary,
      gridWorker: worker,
      branchId: county.homeBranchId,
      gridName: demoNames.firstGrid,
    },
    YEAR,
  );
}, 120_000);
afterAll(() => county.close());

describe("a simulated year", () => {
  it("each member's total equals the points their sources earn under the rules and caps", async () => {
    const { from, to } = yearRange(YEAR);
    const people = new Set([...played.outcomes.map((o) => o.memberId), ...played.hours.map((h) => h.memberId)]);
    expect(people.size).toBeGreaterThan(10);
    for (const memberId of people) {
      const mine = played.outcomes.filter((o) => o.memberId === memberId);
      let themeDay = 0;
      let other = 0;
      for (const o of mine) {
        const gain = o.outcome === "present" ? 5 : o.outcome === "late" ? 3 : 0;
        themeDay += capped(gain, themeDay, 60);
        if (o.outcome === "absent") other -= 2;
        if (o.dues) other += 1;
      }
      const byMonth = new Map<string, number>();
      for (const h of played.hours
        .filter((h) => h.memberId === memberId)
        .sort((a, b) => a.servedOn.localeCompare(b.servedOn))) {
        const month = h.servedOn.slice(0, 7);
        const used = byMonth.get(month) ?? 0;
        byMonth.set(month, used + capped(h.halfHours / 2, used, 20));
      }
      const service = [...byMonth.values()].reduce((a, b) => a + b, 0);
      expect(await totalOf(county.db, memberId, from, to)).toBe(themeDay + other + service);
    }
  });

  it("each source counts once: no (source, member, rule) appears twice", async () => {
    const doubles = await county.db.execute(
      sql`select source_type, source_id, member_id, rule_code from point_entries where reverses_id is null
        and source_id is not null group by 1, 2, 3, 4 having count(*) > 1`,
    );
    expect((doubles as unknown as { rows?: unknown[] }).rows ?? doubles).toHaveLength(0);
  });

  it("every entry names its rule version, source and reason; the ledger refuses edits and deletes", async () => {
    const [entry] = await county.db
      .select()
      .from(pointEntries)
      .where(eq(pointEntries.ruleCode, "theme_day_present"))
      .limit(1);
    expect(entry).toMatchObject({
      sourceType: "attendance",
      ruleId: expect.any(Number),
      reason: expect.stringContaining("主题党日"),
    });
    await expect(
      county.db.update(pointEntries).set({ points: 100 }).where(eq(pointEntries.id, entry.id)),
    ).rejects.toThrow();
    await expect(county.db.delete(pointEntries).where(eq(pointEntries.id, entry.id))).rejects.toThrow();
  });
});

describe("rules and corrections", () => {
  it("a capped rule stops at its cap across the year", async () => {
    const memberId = county.ownMemberId;
    const base = {
      memberId,
      code: "party_lecture_present" as const,
      sourceType: "test_lecture",
      causedBy: null,
      reason: "参加党课",
    };
    const first = await county.db.transaction((tx) =>
      award(tx, { ...base, sourceId: 1, occurredAt: new Date("2027-03-01T02:00:00Z") }),
    );
    const second = await county.db.transaction((tx) =>
      award(tx, { ...base, sourceId: 2, occurredAt: new Date("2027-09-01T02:00:00Z") }),
    );
    const nextYear = await county.db.transaction((tx) =>
      award(tx, { ...base, sourceId: 3, occurredAt: new Date("2028-03-01T02:00:00Z") }),
    );
    expect([first?.points, second, nextYear?.points]).toEqual([5, null, 5]);
    // The same source again writes nothing.
    expect(
      await county.db.transaction((tx) =>
        award(tx, { ...base, sourceId: 1, occurredAt: new Date("2027-03-01T02:00:00Z") }),
      ),
    ).toBeNull();
  });

  it("a rule change affects only entries from its effective date", async () => {
    await changeRule(county.db, admin, { code: "dues_on_time", points: 2, cap: null, effectiveFrom: "2027-06-01" });
    const base = {
      memberId: county.ownMemberId,
      code: "dues_on_time" as const,
      sourceType: "test_dues",
      causedBy: null,
      reason: "按时缴纳党费",
    };
    const before = await county.db.transaction((tx) =>
      award(tx, { ...base, sourceId: 1, occurredAt: new Date("2027-05-31T02:00:00Z") }),
    );
    const after = await county.db.transaction((tx) =>
      award(tx, { ...base, sourceId: 2, occurredAt: new Date("2027-06-01T02:00:00Z") }),
    );
    expect([before?.points, after?.points]).toEqual([1, 2]);
    expect(before!.ruleId).not.toBe(after!.ruleId);
    await expect(
      changeRule(county.db, county.secretary, {
        code: "dues_on_time",
        points: 3,
        cap: null,
        effectiveFrom: "2027-07-01",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      changeRule(county.db, admin, { code: "dues_on_time", points: -1, cap: null, effectiveFrom: "2027-07-01" }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("a reversal nets to zero; a manual entry is scoped and audited", async () => {
    const memberId = county.ownMemberId;
    const { from, to } = yearRange(2026);
    const before = await totalOf(county.db, memberId, from, to);
    const { id } = await manualEntry(
      county.db,
      county.secretary,
      { memberId, points: 3, reason: "抗洪抢险表现突出" },
      new Date("2026-08-01T02:00:00Z"),
    );
    expect(await totalOf(county.db, memberId, from, to)).toBe(before + 3);
    await reverseEntry(county.db, county.secretary, { entryId: id, reason: "录入错误" });
    expect(await totalOf(county.db, memberId, from, to)).toBe(before);
    await expect(reverseEntry(county.db, county.secretary, { entryId: id, reason: "再次冲正" })).rejects.toMatchObject({
      code: "conflict",
    });
    const foreign = await county.scopeOf("13800000011");
    await expect(manualEntry(county.db, foreign, { memberId, points: -5, reason: "越权" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("a reversal is a correction, not a deduction; deductions are counted in people everywhere; the member is told", async () => {
    const memberId = county.ownMemberId;
    const august = new Date("2026-08-10T02:00:00Z");
    const gift = await manualEntry(
      county.db,
      county.secretary,
      { memberId, points: 4, reason: "志愿服务表彰" },
      august,
    );
    const { id: reversal } = await reverseEntry(county.db, county.secretary, { entryId: gift.id, reason: "重复录入" });
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, memberId), eq(notices.kind, "points")));
    expect(told.map((n) => [n.title, n.body])).toContainEqual([
      t.points.notice.reversed,
      t.points.notice.reversedBody("+4", "志愿服务表彰", "重复录入"),
    ]);

    let bulletin = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, "2026-08");
    expect(bulletin.deductions.map((d) => d.id)).not.toContain(reversal);
    expect(bulletin.corrections.map((d) => d.id)).toContain(reversal);
    expect(bulletin.rows.find((r) => r.memberId === memberId)?.monthDeductions).toBe(0);
    expect(bulletin.deducted).toBe(0);
    expect(
      (await bulletinRollup(county.db, admin, "2026-08")).find((b) => b.branchId === county.homeBranchId)?.deducted,
    ).toBe(0);

    // Two real deductions of one member: two entries on the list, one person in every count.
    const first = await manualEntry(
      county.db,
      county.secretary,
      { memberId, points: -1, reason: "无故缺席党小组会" },
      august,
    );
    await manualEntry(county.db, county.secretary, { memberId, points: -2, reason: "未按时缴纳党费" }, august);
    bulletin = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, "2026-08");
    expect(bulletin.deductions).toHaveLength(2);
    expect(bulletin.deducted).toBe(1);
    expect(
      (await bulletinRollup(county.db, admin, "2026-08")).find((b) => b.branchId === county.homeBranchId)?.deducted,
    ).toBe(1);
    expect((await branchDashboard(county.db, county.secretary, county.homeBranchId, "2026-08")).deducted).toBe(1);
    // A deduction reversed since was a mistake: off the list, and its reversal is a correction.
    const undone = await reverseEntry(county.db, county.secretary, { entryId: first.id, reason: "当天已请假" });
    bulletin = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, "2026-08");
    expect(bulletin.deductions.map((d) => d.reason)).toEqual(["未按时缴纳党费"]);
    expect(bulletin.corrections.map((d) => d.id)).toEqual(expect.arrayContaining([reversal, undone.id]));
    const quarter = await quarterStats(county.db, admin, { year: 2026, quarter: 3 });
    expect(quarter.branches.find((b) => b.id === county.homeBranchId)).toMatchObject({ lost: 1 });
  });

  it("confirmed hours earn per hour; a correction reverses the old points and awards the new", async () => {
    const memberId = played.hours[0].memberId;
    const receipt = await recordHours(county.db, worker, {
      clientId: randomUUID(),
      memberId,
      servedOn: "2026-02-10",
      hours: 4,
      description: "扫雪",
    });
    const earned = (await entriesOf(memberId)).filter(
      (e) => e.sourceType === "volunteer_hours" && e.sourceId === receipt.id,
    );
    expect(earned.map((e) => e.points)).toEqual([2]);
    const fixed = await correctHours(county.db, worker, { hoursId: receipt.id, hours: 6, comment: "实际 3 小时" });
    const after = (await entriesOf(memberId)).filter(
      (e) => e.sourceType === "volunteer_hours" && (e.sourceId === receipt.id || e.sourceId === fixed.id),
    );
    expect(after.map((e) => e.points)).toEqual([2, -2, 3]);
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, memberId), eq(notices.kind, "community")));
    expect(told.map((n) => n.title)).toContain(t.community.notice.hoursCorrected);
    const [{ branchId }] = await county.db
      .select({ branchId: members.branchId })
      .from(members)
      .where(eq(members.userId, memberId));
    const bulletin = await monthlyBulletin(county.db, admin, branchId, "2026-02");
    expect(bulletin.deductions.filter((d) => d.memberId === memberId)).toEqual([]);
    expect(bulletin.corrections.filter((d) => d.memberId === memberId).map((d) => d.points)).toEqual([-2]);
    const [month] = await county.db
      .select({ total: sql<number>`sum(${pointEntries.points})::float8` })
      .from(pointEntries)
      .where(
        and(
          eq(pointEntries.memberId, memberId),
          eq(pointEntries.ruleCode, "volunteer_hour"),
          sql`${pointEntries.occurredAt} >= '2026-02-01' and ${pointEntries.occurredAt} < '2026-03-01'`,
        ),
      );
    expect(Number(month.total)).toBe(3);
  });
});

describe("what people read", () => {
  it("the member's entries and totals; an appeal reaches the secretary and the answer comes back", async () => {
    const member = await county.scopeOf(phones.member);
    const mine = await myPoints(county.db, member, new Date("2025-12-31T12:00:00+08:00"));
    expect(mine.yearTotal).toBe(await totalOf(county.db, member.userId, yearRange(2025).from, yearRange(2025).to));
    expect(mine.entries.length).toBeGreaterThan(0);
    const entry = mine.entries.find((e) => !e.reversesId)!;
    await appealEntry(county.db, member, { entryId: entry.id, reason: "记录有误" });
    await expect(appealEntry(county.db, member, { entryId: entry.id, reason: "再次申诉" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      appealEntry(county.db, county.secretary, { entryId: entry.id, reason: "代为申诉" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const [appeal] = await branchAppeals(county.db, county.secretary, county.homeBranchId);
    expect(appeal).toMatchObject({ reason: "记录有误" });
    await expect(
      answerAppeal(county.db, await county.scopeOf("13800000011"), { appealId: appeal.id, answer: "越权答复" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await answerAppeal(county.db, county.secretary, { appealId: appeal.id, answer: "已核实，记录无误" });
    expect((await myPoints(county.db, member)).entries.find((e) => e.id === entry.id)).toMatchObject({
      appealStatus: "answered",
      appealAnswer: "已核实，记录无误",
    });
  });

  it("the monthly bulletin adds up to the ledger, and the roll-up to the bulletins", async () => {
    const month = `${YEAR}-06`;
    const bulletin = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, month);
    const { from, to } = { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${YEAR}-07-01T00:00:00+08:00`) };
    for (const row of bulletin.rows) expect(row.monthPoints).toBe(await totalOf(county.db, row.memberId, from, to));
    const absent = played.outcomes.filter((o) => o.month === 6 && o.outcome === "absent").length;
    expect(bulletin.deductions.filter((d) => d.points === -2)).toHaveLength(absent);
    const came = played.outcomes.filter(
      (o) => o.month === 6 && (o.outcome === "present" || o.outcome === "late"),
    ).length;
    expect(bulletin.rows.reduce((s, r) => s + r.came, 0)).toBe(came);
    const rollup = await bulletinRollup(county.db, admin, month);
    const home = rollup.find((r) => r.branchId === county.homeBranchId)!;
    expect(home.total).toBe(bulletin.rows.reduce((s, r) => s + r.monthPoints, 0));
    await expect(monthlyBulletin(county.db, county.secretary, county.otherBranchId, month)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(bulletinRollup(county.db, county.secretary, month)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the yearly assessment", () => {
  it("scores each branch from its records with the formula shown; the committee adds its branches up; the county sets the tier", async () => {
    const { branches, committees } = await yearlyAssessment(county.db, admin, YEAR);
    const home = branches.find((b) => b.id === county.homeBranchId)!;
    const expected = played.outcomes.length;
    const came = played.outcomes.filter((o) => o.outcome === "present" || o.outcome === "late").length;
    expect(home.parts.attendance).toBeCloseTo(came / expected, 5);
    expect(home.parts.compliance).toBe(1);
    expect(home.parts.makeup).toBe(0); // leave was approved, no make-up confirmed
    expect(home.score).toBeCloseTo(
      40 * home.parts.attendance + 20 + 0 + 15 * home.parts.points + 10 * home.parts.service,
      0,
    );
    // Branches that held none of their theme days in the simulation are not scored as compliant.
    expect(branches.filter((b) => b.id !== county.homeBranchId).every((b) => b.parts.compliance === 0)).toBe(true);
    expect(committees.length).toBeGreaterThanOrEqual(2);

    const committee = await county.scopeOf(phones.committeeAdmin);
    await expect(
      setTier(county.db, committee, { year: YEAR, nodeId: home.id, tier: "excellent" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await setTier(county.db, admin, { year: YEAR, nodeId: home.id, tier: home.proposal, note: "按建议评定" });
    await setTier(county.db, admin, { year: YEAR, nodeId: home.id, tier: "qualified", note: "复核后调整" });
    const again = (await yearlyAssessment(county.db, admin, YEAR)).branches.find((b) => b.id === home.id)!;
    expect(again.decided).toMatchObject({ tier: "qualified", note: "复核后调整", score: home.score });
    await expect(
      setTier(county.db, admin, { year: YEAR, nodeId: county.ownMemberId, tier: "qualified" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const own = (await yearlyAssessment(county.db, committee, YEAR)).branches.map((b) => b.id);
    expect(own).toContain(county.homeBranchId);
    expect(own.length).toBeLessThan(branches.length);
  });
});

describe("quarterly statistics", () => {
  it("per branch: who gained and lost, attendance, leave, hours; by rule the ledger's sum", async () => {
    const stats = await quarterStats(county.db, admin, { year: YEAR, quarter: 2 });
    const home = stats.branches.find((b) => b.id === county.homeBranchId)!;
    const inQuarter = played.outcomes.filter((o) => o.month >= 4 && o.month <= 6);
    const came = inQuarter.filter((o) => o.outcome === "present" || o.outcome === "late").length;
    expect(home.attendanceRate).toBeCloseTo(came / inQuarter.length, 5);
    expect(home.leave).toBe(inQuarter.filter((o) => o.outcome === "leave").length);
    expect(home.lost).toBe(new Set(inQuarter.filter((o) => o.outcome === "absent").map((o) => o.memberId)).size);
    const halfHours = played.hours
      .filter((h) => h.servedOn >= `${YEAR}-04-01` && h.servedOn <= `${YEAR}-06-30`)
      .reduce((s, h) => s + h.halfHours, 0);
    expect(home.hours).toBe(halfHours / 2);
    const [{ total }] = await county.db
      .select({ total: sql<number>`coalesce(sum(${pointEntries.points}), 0)::float8` })
      .from(pointEntries)
      .where(
        sql`${pointEntries.occurredAt} >= ${`${YEAR}-04-01T00:00:00+08:00`}::timestamptz
          and ${pointEntries.occurredAt} < ${`${YEAR}-07-01T00:00:00+08:00`}::timestamptz`,
      );
    expect(stats.rules.reduce((s, r) => s + r.points, 0)).toBeCloseTo(Number(total), 5);
    expect(stats.trend.map((x) => x.month)).toEqual([`${YEAR}-04`, `${YEAR}-05`, `${YEAR}-06`]);
    await expect(quarterStats(county.db, county.secretary, { year: YEAR, quarter: 2 })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("dashboards", () => {
  it("the secretary's and the county's figures come from the bulletin's queries", async () => {
    const month = `${YEAR}-06`;
    const bulletin = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, month);
    const mine = await branchDashboard(county.db, county.secretary, county.homeBranchId, month);
    expect(mine.attendanceRate).toBe(bulletin.attendanceRate);
    expect(mine.deducted).toBe(new Set(bulletin.deductions.map((d) => d.name)).size);
    expect(mine.pendingLeave).toBe(0);
    const all = await countyDashboard(county.db, admin, month);
    expect(all.rows.find((r) => r.branchId === county.homeBranchId)?.attendanceRate).toBe(bulletin.attendanceRate);
    await expect(countyDashboard(county.db, county.secretary, month)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("member ranking", () => {
  it("is off by default; when the county turns it on, a member sees their place in the branch", async () => {
    const member = await county.scopeOf(phones.member);
    expect((await myPoints(county.db, member)).rank).toBeNull();
    await expect(setMemberRanking(county.db, county.secretary, { on: true })).rejects.toMatchObject({
      code: "forbidden",
    });
    await setMemberRanking(county.db, admin, { on: true });
    const mine = await myPoints(county.db, member, new Date("2025-12-31T12:00:00+08:00"));
    const { rows } = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, "2025-12");
    const ahead = rows.filter((r) => r.yearPoints > mine.yearTotal).length;
    expect(mine.rank).toEqual({ position: ahead + 1, of: rows.length });
    await setMemberRanking(county.db, admin, { on: false });
    expect((await myPoints(county.db, member)).rank).toBeNull();
  });
});

// Last: it changes a simulated outcome that the tests above compare with.
describe("correcting attendance", () => {
  it("reversing attendance points corrects the attendance: the outcome, its points and the figures follow", async () => {
    const [wrong] = await county.db
      .select({ attendanceId: attendance.id, memberId: attendance.memberId, title: activities.title })
      .from(attendance)
      .innerJoin(activities, eq(activities.id, attendance.activityId))
      .where(
        and(
          eq(activities.branchId, county.homeBranchId),
          eq(activities.type, "theme_day"),
          eq(activities.status, "closed"),
          eq(attendance.outcome, "present"),
        ),
      )
      .orderBy(attendance.id)
      .limit(1);
    const earned = (await entriesOf(wrong.memberId)).find(
      (e) => e.sourceType === "attendance" && e.sourceId === wrong.attendanceId,
    )!;
    const { attendance: before } = (await yearlyAssessment(county.db, admin, YEAR)).branches.find(
      (b) => b.id === county.homeBranchId,
    )!.parts;
    await expect(
      reverseEntry(county.db, county.secretary, { entryId: earned.id, reason: "代签到有误" }),
    ).rejects.toMatchObject({ code: "bad_request", message: t.points.outcomeRequired });

    await reverseEntry(county.db, county.secretary, {
      entryId: earned.id,
      reason: "代签到有误，本人未到",
      outcome: "absent",
    });
    const [row] = await county.db.select().from(attendance).where(eq(attendance.id, wrong.attendanceId));
    expect(row.outcome).toBe("absent");
    const now = (await entriesOf(wrong.memberId)).filter(
      (e) => e.sourceType === "attendance" && e.sourceId === wrong.attendanceId,
    );
    expect(now.map((e) => [e.ruleCode, e.points, e.reversesId])).toEqual([
      ["theme_day_present", earned.points, null],
      ["theme_day_present", -earned.points, earned.id],
      ["absent_without_leave", expect.any(Number), null],
    ]);
    expect(now[2].points).toBeLessThan(0);
    const { attendance: after } = (await yearlyAssessment(county.db, admin, YEAR)).branches.find(
      (b) => b.id === county.homeBranchId,
    )!.parts;
    expect(after).toBeLessThan(before);
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, wrong.memberId), eq(notices.kind, "points")));
    expect(told.map((n) => n.title)).toContain(t.points.notice.attendanceCorrected(wrong.title));
    await expect(
      reverseEntry(county.db, county.secretary, { entryId: now[2].id, reason: "再改", outcome: "absent" }),
    ).rejects.toMatchObject({ message: t.points.sameOutcome });
    // Back to present would need the reversed entry's rule a second time: refused in words, not left unscored.
    await expect(
      reverseEntry(county.db, county.secretary, { entryId: now[2].id, reason: "改回", outcome: "present" }),
    ).rejects.toMatchObject({ message: t.points.outcomeUsed });
  });
});
