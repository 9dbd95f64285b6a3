import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { declareBase, recordPayment, revealBase, reverseEntry } from "@/db/queries/dues-ledger";
import { branchDuesSheet, duesRollup, memberDues, myDues, remindArrears, sheetBases } from "@/db/queries/dues-views";
import { auditLog } from "@/db/schema/audit";
import { duesEntries } from "@/db/schema/dues";
import { members } from "@/db/schema/users";
import { DUES_RATE_TABLES, monthlyDue, monthsBetween, yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { monthRange } from "@/lib/time";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let committee: Scope;
let member: Scope;
let otherSecretary: Scope;
let gridWorker: Scope;
/** Five members of the home branch with no seeded base before 2026: on time, late, ahead, 代缴, never. */
let people: number[];

const YEAR = "2025";
const at = (month: string, day = 10) => new Date(`${month}-${String(day).padStart(2, "0")}T10:00:00+08:00`);
const months = monthsBetween(`${YEAR}-01`, `${YEAR}-12`);
const auditCount = async (action: string) =>
  (
    await county.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.action, action as never))
  ).length;

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  committee = await county.scopeOf(phones.committeeAdmin);
  member = await county.scopeOf(phones.member);
  otherSecretary = await county.scopeOf("13800000013");
  gridWorker = await county.scopeOf(phones.gridWorker);
  const home = await county.db
    .select({ id: members.userId })
    .from(members)
    .where(eq(members.branchId, county.homeBranchId))
    .orderBy(members.userId);
  people = home
    .map((m) => m.id)
    .filter((id) => id !== county.secretary.userId && id !== member.userId)
    .slice(0, 5);
  const bases = [3_000_00, 3_000_01, 5_000_00, 10_000_00, 4_200_00];
  for (const [i, id] of people.entries())
    await declareBase(county.db, county.secretary, {
      memberId: id,
      kind: "in_work",
      fromMonth: `${YEAR}-01`,
      baseFen: bases[i],
    });
  // The late payer's income rises from July: July on is due at the new base.
  await declareBase(county.db, county.secretary, {
    memberId: people[1],
    kind: "in_work",
    fromMonth: `${YEAR}-07`,
    baseFen: 6_000_00,
  });
});
afterAll(() => county.close());

const pay = (
  memberId: number,
  fromMonth: string,
  when: Date,
  extra: Partial<Parameters<typeof recordPayment>[2]> = {},
) =>
  recordPayment(
    county.db,
    county.secretary,
    { clientId: randomUUID(), memberId, fromMonth, months: 1, ...extra },
    when,
  );

describe("a year of dues", () => {
  it("plays on time, late, ahead, 代缴 and corrections", async () => {
    const [onTime, late, ahead, proxy] = people;
    for (const m of months) await pay(onTime, m, at(m));
    // Late: the first half paid in one go in June, the rest in December.
    await pay(late, `${YEAR}-01`, at(`${YEAR}-06`), { months: 6 });
    await pay(late, `${YEAR}-07`, at(`${YEAR}-12`, 20), { months: 5 });
    // Ahead: twelve months in January.
    await pay(ahead, `${YEAR}-01`, at(`${YEAR}-01`), { months: 12 });
    // 代缴: his wife pays each quarter for three months; one payment is entered wrong and corrected.
    for (const q of ["01", "04", "07", "10"])
      await pay(proxy, `${YEAR}-${q}`, at(`${YEAR}-${q}`), { months: 3, payerName: "王秀兰" });
    const [wrong] = await county.db
      .select()
      .from(duesEntries)
      .where(and(eq(duesEntries.memberId, proxy), eq(duesEntries.month, `${YEAR}-05`)));
    await reverseEntry(county.db, county.secretary, { entryId: wrong.id, note: "金额录错" }, at(`${YEAR}-05`, 20));
    await expect(
      reverseEntry(county.db, county.secretary, { entryId: wrong.id, note: "再冲一次" }, at(`${YEAR}-05`, 21)),
    ).rejects.toMatchObject({ code: "conflict", message: t.dues.alreadyReversed });
    await pay(proxy, `${YEAR}-05`, at(`${YEAR}-05`, 21), { amount: 200_00, payerName: "王秀兰" });
  });

  it("reconciles: per member paid − due = −arrears, with each month's amount from its base", async () => {
    const asOf = new Date(`${YEAR}-12-31T20:00:00+08:00`);
    const expected = [
      { arrears: 0, owed: 0 },
      { arrears: monthlyDue(DUES_RATE_TABLES, { kind: "in_work", baseFen: 6_000_00 }, `${YEAR}-12`)!.fen, owed: 1 },
      { arrears: 0, owed: 0 },
      { arrears: 0, owed: 0 },
      { arrears: 12 * 42_00, owed: 12 },
    ];
    for (const [i, id] of people.entries()) {
      const d = await memberDues(county.db, county.secretary, id, asOf);
      const [ledger] = await county.db
        .select({ fen: sql<number>`coalesce(sum(${duesEntries.amountFen}), 0)::int` })
        .from(duesEntries)
        .where(
          and(eq(duesEntries.memberId, id), gte(duesEntries.month, `${YEAR}-01`), lt(duesEntries.month, `${YEAR}-13`)),
        );
      expect(d.standing.paidFen).toBe(ledger.fen);
      // May was repaid at 200.00 against 150.00 due: a larger contribution, not credit for another month.
      const overpaid = i === 3 ? 200_00 - 150_00 : 0;
      expect(d.standing.dueFen - d.standing.paidFen + overpaid).toBe(d.standing.arrearsFen);
      expect(d.standing.arrearsFen).toBe(expected[i].arrears);
      expect(d.standing.monthsOwed).toHaveLength(expected[i].owed);
    }
    const never = await memberDues(county.db, county.secretary, people[4], asOf);
    expect(never.flag).toBe(6);
    // Months 3 (30.00 at 1 %) from base 3,000.01; the on-time member at 3,000.00 pays 15.00.
    expect((await memberDues(county.db, county.secretary, people[0], asOf)).standing.dueFen).toBe(12 * 15_00);
  });

  it("each month's sheet: its total is the ledger's for the month, and every row is that member's standing", async () => {
    let year = 0;
    for (const m of months) {
      const sheet = await branchDuesSheet(county.db, county.secretary, county.homeBranchId, m);
      const { from, to } = monthRange(m);
      const [ledger] = await county.db
        .select({ fen: sql<number>`coalesce(sum(${duesEntries.amountFen}), 0)::int` })
        .from(duesEntries)
        .where(
          and(
            eq(duesEntries.branchId, county.homeBranchId),
            gte(duesEntries.recordedAt, from),
            lt(duesEntries.recordedAt, to),
          ),
        );
      expect(sheet.totals.collectedFen).toBe(ledger.fen);
      expect(sheet.rows.reduce((n, r) => n + r.collectedFen, 0)).toBe(ledger.fen);
      year += sheet.totals.collectedFen;
      for (const id of people) {
        const row = sheet.rows.find((r) => r.memberId === id)!;
        const d = await memberDues(county.db, county.secretary, id, new Date(to.getTime() - 1));
        expect(row.arrearsFen).toBe(d.standing.arrearsFen);
        expect(row.baseFen).toBeNull();
      }
    }
    const [all] = await county.db
      .select({ fen: sql<number>`sum(${duesEntries.amountFen})::int` })
      .from(duesEntries)
      .where(and(inArray(duesEntries.memberId, people)));
    expect(year).toBe(all.fen);
    const december = await branchDuesSheet(county.db, county.secretary, county.homeBranchId, `${YEAR}-12`);
    const proxyRow = december.rows.find((r) => r.memberId === people[3])!;
    expect(proxyRow.payer).toBe("王秀兰");
    expect(december.arrears.map((r) => r.memberId)).toContain(people[4]);
  });

  it("the roll-up counts the branch as its sheet does", async () => {
    const sheet = await branchDuesSheet(county.db, county.secretary, county.homeBranchId, `${YEAR}-06`);
    const rollup = await duesRollup(county.db, admin, `${YEAR}-06`);
    const row = rollup.find((r) => r.branchId === county.homeBranchId)!;
    expect(row).toMatchObject({
      collectedFen: sheet.totals.collectedFen,
      paidFen: sheet.totals.paidFen,
      dueFen: sheet.totals.dueFen,
    });
    expect((await duesRollup(county.db, committee, `${YEAR}-06`)).some((r) => r.branchId === county.homeBranchId)).toBe(
      true,
    );
    await expect(duesRollup(county.db, county.secretary, `${YEAR}-06`)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("payments", () => {
  it("refuse less than due without a reason, and take it with one", async () => {
    const id = people[4];
    const due = monthlyDue(DUES_RATE_TABLES, { kind: "in_work", baseFen: 4_200_00 }, `${YEAR}-01`)!.fen;
    await expect(pay(id, `${YEAR}-01`, at(`${YEAR}-12`), { amount: due - 1 })).rejects.toMatchObject({
      code: "bad_request",
      message: t.dues.lessNeedsReason(yuan(due)),
    });
    await pay(id, `${YEAR}-01`, at(`${YEAR}-12`), { amount: due - 1, note: "家庭困难，支部同意" });
    const d = await memberDues(county.db, county.secretary, id, at(`${YEAR}-12`));
    expect(d.standing.arrearsFen).toBe(12 * due - (due - 1));
  });

  it("refuse a month before any base and beyond twelve months ahead", async () => {
    await expect(pay(people[0], `${Number(YEAR) - 1}-12`, at(`${YEAR}-12`))).rejects.toMatchObject({
      message: t.dues.monthBeforeBase(`${Number(YEAR) - 1}-12`),
    });
    await expect(pay(people[0], "2027-01", at(`${YEAR}-12`))).rejects.toMatchObject({ message: t.dues.monthTooFar });
  });

  it("two secretaries paying the same month at once make one entry; the loser is told", async () => {
    const id = people[4];
    const month = `${YEAR}-02`;
    const results = await Promise.allSettled([
      recordPayment(
        county.db,
        county.secretary,
        { clientId: randomUUID(), memberId: id, fromMonth: month, months: 1 },
        at(`${YEAR}-12`),
      ),
      recordPayment(
        county.db,
        admin,
        { clientId: randomUUID(), memberId: id, fromMonth: month, months: 1 },
        at(`${YEAR}-12`),
      ),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", message: t.dues.alreadyPaid(month) });
    const rows = await county.db
      .select()
      .from(duesEntries)
      .where(and(eq(duesEntries.memberId, id), eq(duesEntries.month, month)));
    expect(rows).toHaveLength(1);
  });

  it("a replayed form is the same entry, never a second", async () => {
    const clientId = randomUUID();
    const input = { clientId, memberId: people[4], fromMonth: `${YEAR}-03`, months: 2 };
    const [a, b] = await Promise.all([
      recordPayment(county.db, county.secretary, input, at(`${YEAR}-12`)),
      recordPayment(county.db, county.secretary, input, at(`${YEAR}-12`)),
    ]);
    expect(a.entryIds).toEqual(b.entryIds);
    expect([a.replay, b.replay].sort()).toEqual([false, true]);
    await expect(
      recordPayment(county.db, county.secretary, { ...input, memberId: people[0] }, at(`${YEAR}-12`)),
    ).rejects.toMatchObject({ code: "conflict", message: t.dues.clientReused });
  });

  it("the ledger refuses updates and deletes", async () => {
    await expect(county.db.execute(sql`update dues_entries set amount_fen = 1`)).rejects.toThrow();
    await expect(county.db.execute(sql`delete from dues_entries`)).rejects.toThrow();
    await expect(county.db.execute(sql`update dues_bases set base_fen = 1`)).rejects.toThrow();
  });
});

describe("who sees a base", () => {
  it("the member sees their own on 我的; the secretary and county only by an audited reveal", async () => {
    await declareBase(county.db, member, {
      memberId: member.userId,
      kind: "retired",
      fromMonth: "2026-01",
      baseFen: 5_000_00,
    });
    const mine = await myDues(county.db, member, at("2026-03"));
    expect(mine.base).toMatchObject({ kind: "retired", baseFen: 5_000_00 });
    expect(mine.due).toEqual({ fen: 25_00, bp: 50, version: 1 });
    const seen = await memberDues(county.db, county.secretary, member.userId, at("2026-03"));
    expect(seen.base?.baseFen).toBeNull();
    const before = await auditCount("dues.base.reveal");
    expect(await revealBase(county.db, county.secretary, { memberId: member.userId }, at("2026-03"))).toEqual({
      baseFen: 5_000_00,
      kind: "retired",
    });
    expect(await revealBase(county.db, admin, { memberId: member.userId }, at("2026-03"))).toMatchObject({
      baseFen: 5_000_00,
    });
    expect(await auditCount("dues.base.reveal")).toBe(before + 2);
  });

  it("nobody outside the scope sees one", async () => {
    for (const who of [committee, otherSecretary, gridWorker]) {
      await expect(revealBase(county.db, who, { memberId: member.userId })).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    await expect(revealBase(county.db, member, { memberId: people[0] })).rejects.toMatchObject({ code: "forbidden" });
    for (const who of [otherSecretary, gridWorker, member]) {
      await expect(memberDues(county.db, who, people[0])).rejects.toMatchObject({ code: "forbidden" });
      await expect(branchDuesSheet(county.db, who, county.homeBranchId, "2026-01")).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(
        declareBase(county.db, who, { memberId: people[0], kind: "student", fromMonth: "2026-01", baseFen: null }),
      ).rejects.toMatchObject({ code: "forbidden" });
    }
    // The committee reads the sheet, masked, and cannot export the bases.
    const sheet = await branchDuesSheet(county.db, committee, county.homeBranchId, "2026-01");
    expect(sheet.canSeeBases).toBe(false);
    expect(sheet.rows.every((r) => r.baseFen === null)).toBe(true);
    expect(await sheetBases(county.db, committee, county.homeBranchId, "2026-01")).toBeNull();
    expect((await memberDues(county.db, committee, people[0])).base?.baseFen).toBeNull();
    await expect(
      recordPayment(county.db, committee, {
        clientId: randomUUID(),
        memberId: people[0],
        fromMonth: "2026-01",
        months: 1,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the secretary's export reveals the bases, audited", async () => {
    const before = await auditCount("dues.base.reveal");
    const bases = await sheetBases(county.db, county.secretary, county.homeBranchId, `${YEAR}-06`);
    expect(bases?.get(people[0])).toBe(3_000_00);
    expect(await auditCount("dues.base.reveal")).toBe(before + 1);
  });
});

describe("arrears reminders", () => {
  it("notify each member in arrears in-app and are audited", async () => {
    const before = await auditCount("dues.remind");
    const { reminded } = await remindArrears(
      county.db,
      county.secretary,
      { branchId: county.homeBranchId },
      at(`${YEAR}-12`),
    );
    expect(reminded).toBeGreaterThan(0);
    expect(await auditCount("dues.remind")).toBe(before + 1);
    await expect(remindArrears(county.db, committee, { branchId: county.homeBranchId })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("every write is audited", () => {
  it("counts one entry per payment, reversal and declaration", async () => {
    const counts = async () => Promise.all(["dues.pay", "dues.reverse", "dues.base.declare"].map((a) => auditCount(a)));
    const [pays, reversals, declarations] = await counts();
    const { entryIds } = await pay(people[4], `${YEAR}-06`, at(`${YEAR}-12`));
    await reverseEntry(county.db, county.secretary, { entryId: entryIds[0], note: "重复登记" }, at(`${YEAR}-12`));
    await declareBase(county.db, county.secretary, {
      memberId: people[4],
      kind: "unemployed",
      fromMonth: "2026-02",
      baseFen: null,
    });
    expect(await counts()).toEqual([pays + 1, reversals + 1, declarations + 1]);
    // The declaration's audit entry does not carry the amount.
    const [last] = await county.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.action, "dues.base.declare"))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(JSON.stringify(last.detail)).not.toMatch(/Fen|base/);
  });
});
