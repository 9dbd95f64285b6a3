import { describe, expect, it } from "vitest";
import {
  arrearsFlag,
  type BaseFrom,
  DUES_RATE_TABLES,
  type DuesRateTable,
  monthlyDue,
  monthsBetween,
  parseYuan,
  rateTableFor,
  shareOf,
  standing,
  yuan,
} from "@/lib/dues";

const inWork = (baseFen: number) => monthlyDue(DUES_RATE_TABLES, { kind: "in_work", baseFen }, "2026-12")!;
const retired = (baseFen: number) => monthlyDue(DUES_RATE_TABLES, { kind: "retired", baseFen }, "2026-12")!;

describe("monthly dues, members in work (whole base at its band's rate)", () => {
  it.each([
    [0, 0, 50],
    [100_00, 50, 50],
    [2_999_99, 15_00, 50],
    [3_000_00, 15_00, 50],
    [3_000_01, 30_00, 100],
    [4_999_99, 50_00, 100],
    [5_000_00, 50_00, 100],
    [5_000_01, 75_00, 150],
    [9_999_99, 150_00, 150],
    [10_000_00, 150_00, 150],
    [10_000_01, 200_00, 200],
    [25_000_00, 500_00, 200],
  ])("base %i fen pays %i fen at %i bp", (base, fen, bp) => {
    expect(inWork(base)).toEqual({ fen, bp, version: 1 });
  });
});

describe("monthly dues, retired members on the pension", () => {
  it.each([
    [3_000_00, 15_00, 50],
    [4_999_99, 25_00, 50],
    [5_000_00, 25_00, 50],
    [5_000_01, 50_00, 100],
    [12_000_00, 120_00, 100],
  ])("pension %i fen pays %i fen at %i bp", (base, fen, bp) => {
    expect(retired(base)).toEqual({ fen, bp, version: 1 });
  });
});

describe("fixed amounts", () => {
  it.each(["student", "unemployed", "low_income"] as const)("%s pays 0.2 yuan a month whatever the base", (kind) => {
    expect(monthlyDue(DUES_RATE_TABLES, { kind, baseFen: null }, "2026-12")).toEqual({ fen: 20, bp: null, version: 1 });
    expect(monthlyDue(DUES_RATE_TABLES, { kind, baseFen: 9_000_00 }, "2026-12")?.fen).toBe(20);
  });
});

describe("rounding: half up to the fen, in integers", () => {
  it("rounds 0.5 fen up and 0.49 fen down", () => {
    expect(shareOf(100, 50)).toBe(1); // 1.00 yuan × 0.5 % = 0.5 fen
    expect(shareOf(99, 50)).toBe(0); // 0.495 fen
    expect(shareOf(3_000_01 * 1, 100)).toBe(3_000); // 30.0001 yuan
    expect(shareOf(1_234_567, 150)).toBe(18_519); // 185.18505 yuan
    expect(shareOf(3_333, 150)).toBe(50); // 49.995 fen
  });
  it("writes fen as yuan with two places", () => {
    expect(yuan(1500)).toBe("15.00");
    expect(yuan(20)).toBe("0.20");
    expect(yuan(-305)).toBe("-3.05");
    expect(yuan(0)).toBe("0.00");
  });
  it("reads yuan as typed into fen without floating point", () => {
    expect(parseYuan("15")).toBe(1500);
    expect(parseYuan("0.2")).toBe(20);
    expect(parseYuan("3000.01")).toBe(300_001);
    expect(parseYuan("1.005")).toBeNull();
    expect(parseYuan("-1")).toBeNull();
    expect(parseYuan("1e3")).toBeNull();
    expect(parseYuan("")).toBeNull();
  });
});

describe("rate-table versions by effective date", () => {
  const v2: DuesRateTable = {
    version: 2,
    effectiveFrom: "2027-07-15",
    inWork: [{ upToFen: null, bp: 100 }],
    retired: [{ upToFen: null, bp: 50 }],
    fixedFen: 50,
  };
  const tables = [...DUES_RATE_TABLES, v2];
  it("uses the table in force on the month's first day", () => {
    expect(rateTableFor(tables, "2027-07")?.version).toBe(1); // takes effect mid-July: from August
    expect(rateTableFor(tables, "2027-08")?.version).toBe(2);
    expect(rateTableFor(tables, "2008-03")).toBeNull();
    expect(rateTableFor(tables, "2008-04")?.version).toBe(1);
  });
  it("computes each month under its own version", () => {
    const base = { kind: "in_work" as const, baseFen: 2_000_00 };
    expect(monthlyDue(tables, base, "2027-07")).toEqual({ fen: 10_00, bp: 50, version: 1 });
    expect(monthlyDue(tables, base, "2027-08")).toEqual({ fen: 20_00, bp: 100, version: 2 });
    expect(monthlyDue(tables, { kind: "student", baseFen: null }, "2027-08")?.fen).toBe(50);
  });
  it("does not depend on the order the tables are listed in", () => {
    expect(rateTableFor([v2, ...DUES_RATE_TABLES], "2027-09")?.version).toBe(2);
  });
});

describe("standing", () => {
  const bases: BaseFrom[] = [
    { kind: "in_work", baseFen: 4_000_00, fromMonth: "2026-01" },
    { kind: "in_work", baseFen: 6_000_00, fromMonth: "2026-07" },
  ];
  it("counts months short, paid ahead and arrears = due − paid when no month is overpaid", () => {
    const paid = new Map([
      ["2026-01", 40_00],
      ["2026-02", 40_00],
      ["2026-03", 20_00],
      ["2026-07", 90_00],
      ["2027-01", 90_00],
      ["2027-02", 90_00],
    ]);
    const s = standing(DUES_RATE_TABLES, bases, paid, "2026-12");
    expect(s.dueFen).toBe(6 * 40_00 + 6 * 90_00);
    expect(s.monthsOwed).toEqual([
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(s.arrearsFen).toBe(s.dueFen - s.paidFen);
    expect(s.paidAhead).toEqual(["2027-01", "2027-02"]);
  });
  it("owes nothing before the first base", () => {
    expect(standing(DUES_RATE_TABLES, [], new Map(), "2026-12")).toEqual({
      monthsOwed: [],
      arrearsFen: 0,
      dueFen: 0,
      paidFen: 0,
      paidAhead: [],
    });
  });
  it("does not let an overpaid month pay for another", () => {
    const s = standing(DUES_RATE_TABLES, [bases[0]], new Map([["2026-01", 80_00]]), "2026-02");
    expect(s.monthsOwed).toEqual(["2026-02"]);
    expect(s.arrearsFen).toBe(40_00);
  });
  it("flags three and six months", () => {
    expect([0, 2, 3, 5, 6, 12].map(arrearsFlag)).toEqual([0, 0, 3, 3, 6, 6]);
  });
  it("lists months across a year end", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });
});
