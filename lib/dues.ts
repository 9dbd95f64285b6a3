import type { DuesKind } from "./enums";

/**
 * Party dues (党费), as pure arithmetic. Money is integer fen throughout; a rate is in basis points (0.5 % =
 * 50). The rate of the band the whole base falls in applies to the whole base (not marginal), and the
 * product is rounded half up to the fen (四舍五入到分): 1.00 yuan at 0.5 % is 0.5 fen, which is 1 fen.
 */

export interface DuesBand {
  /** The band covers bases up to and including this many fen; null for the top band. */
  upToFen: number | null;
  bp: number;
}

/** One version of the county's rate table, in force for every month whose first day is on or after `effectiveFrom`. */
export interface DuesRateTable {
  version: number;
  /** A calendar day (2008-04-01); a table taking effect mid-month applies from the next month. */
  effectiveFrom: string;
  inWork: DuesBand[];
  retired: DuesBand[];
  /** The monthly amount of students, the unemployed and members on minimum living allowance. */
  fixedFen: number;
}

/**
 * The county's tables, oldest first. Version 1 is the national rule (中组部《关于中国共产党党费收缴、使用和管理的规定》,
 * 2008): income after tax and social insurance, 0.5 % up to 3,000 yuan, 1 % to 5,000, 1.5 % to 10,000, 2 % above;
 * pensions 0.5 % up to 5,000 and 1 % above; 0.2 yuan a month for students, the unemployed and 低保 members.
 */
export const DUES_RATE_TABLES: readonly DuesRateTable[] = [
  {
    version: 1,
    effectiveFrom: "2008-04-01",
    inWork: [
      { upToFen: 300_000, bp: 50 },
      { upToFen: 500_000, bp: 100 },
      { upToFen: 1_000_000, bp: 150 },
      { upToFen: null, bp: 200 },
    ],
    retired: [
      { upToFen: 500_000, bp: 50 },
      { upToFen: null, bp: 100 },
    ],
    fixedFen: 20,
  },
];

export const FIXED_KINDS: readonly DuesKind[] = ["student", "unemployed", "low_income"];
export const isFixedKind = (kind: DuesKind) => FIXED_KINDS.includes(kind);

/** The largest monthly base accepted, in fen (one million yuan): anything above is a typing slip. */
export const MAX_BASE_FEN = 100_000_000;

/** The table in force for a month (2026-12): the latest whose effective day is on or before the month's first day. */
export function rateTableFor(tables: readonly DuesRateTable[], month: string): DuesRateTable | null {
  const first = `${month}-01`;
  let found: DuesRateTable | null = null;
  for (const table of tables) {
    if (table.effectiveFrom <= first && (!found || table.effectiveFrom >= found.effectiveFrom)) found = table;
  }
  return found;
}

export interface DuesBase {
  kind: DuesKind;
  /** Monthly income or pension in fen; null for the fixed kinds. */
  baseFen: number | null;
}

export interface MonthlyDue {
  fen: number;
  /** The rate applied, or null for a fixed amount. */
  bp: number | null;
  version: number;
}

/** Half up to the fen, in integers only (no floating point touches money). */
export const shareOf = (baseFen: number, bp: number) => Math.floor((baseFen * bp + 5_000) / 10_000);

/** What a member owes for one month under the tables in force then; null before any table. */
export function monthlyDue(tables: readonly DuesRateTable[], base: DuesBase, month: string): MonthlyDue | null {
  const table = rateTableFor(tables, month);
  if (!table) return null;
  if (isFixedKind(base.kind) || base.baseFen === null) return { fen: table.fixedFen, bp: null, version: table.version };
  const bands = base.kind === "retired" ? table.retired : table.inWork;
  const baseFen = base.baseFen;
  const band = bands.find((b) => b.upToFen === null || baseFen <= b.upToFen) ?? bands[bands.length - 1];
  return { fen: shareOf(baseFen, band.bp), bp: band.bp, version: table.version };
}

/** Yuan as written on the sheet: 1500 → "15.00". */
export const yuan = (fen: number) =>
  `${fen < 0 ? "-" : ""}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;

/** A rate in basis points as a percentage: 150 → "1.5%". */
export const ratePercent = (bp: number) => `${bp / 100}%`;

/** Every month from `from` to `to` inclusive (2026-11 → 2027-01 is three). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** A base in force from a month on: the member's declaration, or the secretary's on their behalf. */
export interface BaseFrom extends DuesBase {
  fromMonth: string;
}

/** The base that governs a month: the latest declared from that month or before (by month, then by order given). */
export function baseFor(bases: readonly BaseFrom[], month: string): BaseFrom | null {
  let found: BaseFrom | null = null;
  for (const base of bases) if (base.fromMonth <= month && (!found || base.fromMonth >= found.fromMonth)) found = base;
  return found;
}

export interface DuesStanding {
  /** Months from the first base to `asOf` whose payments fall short of what was due. */
  monthsOwed: string[];
  /** What those months still lack, in fen. */
  arrearsFen: number;
  /** Due and paid over the same months, so that paid − due can be checked against the arrears. */
  dueFen: number;
  paidFen: number;
  /** Months after `asOf` already paid in full. */
  paidAhead: string[];
}

/**
 * Where a member stands at the end of `asOf`. Each month is settled on its own: paying more than due for one
 * month is a larger contribution, not credit against another (the rules let a member pay more, never less).
 * So with no month overpaid, arrears = due − paid exactly.
 */
export function standing(
  tables: readonly DuesRateTable[],
  bases: readonly BaseFrom[],
  paidByMonth: ReadonlyMap<string, number>,
  asOf: string,
): DuesStanding {
  const out: DuesStanding = { monthsOwed: [], arrearsFen: 0, dueFen: 0, paidFen: 0, paidAhead: [] };
  const first = bases.reduce<string | null>((min, b) => (min === null || b.fromMonth < min ? b.fromMonth : min), null);
  if (first !== null && first <= asOf) {
    for (const month of monthsBetween(first, asOf)) {
      const base = baseFor(bases, month);
      const due = base ? (monthlyDue(tables, base, month)?.fen ?? 0) : 0;
      const paid = paidByMonth.get(month) ?? 0;
      out.dueFen += due;
      out.paidFen += paid;
      if (paid < due) {
        out.monthsOwed.push(month);
        out.arrearsFen += due - paid;
      }
    }
  }
  for (const [month, paid] of [...paidByMonth].sort(([a], [b]) => a.localeCompare(b))) {
    if (month <= asOf || paid <= 0) continue;
    const base = baseFor(bases, month);
    const due = base ? (monthlyDue(tables, base, month)?.fen ?? 0) : 0;
    if (paid >= due) out.paidAhead.push(month);
  }
  return out;
}

/**
 * The thresholds the secretary's list flags: three months unpaid, and six (which the rules treat as leaving the Party).
 */
export const ARREARS_FLAGS = [3, 6] as const;
export const arrearsFlag = (monthsOwed: number): 0 | 3 | 6 => (monthsOwed >= 6 ? 6 : monthsOwed >= 3 ? 3 : 0);

/** Yuan as typed (12.5, 12.50, full-width digits normalised by the caller) to fen; null when it is not money. */
export function parseYuan(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
