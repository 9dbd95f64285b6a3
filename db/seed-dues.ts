import type { Db } from "./open";
import { duesBases } from "./schema/dues";

/**
 * Dues bases for the demo's generated members, from the demo's month (2026-11): incomes between 2,500 and
 * 11,400 yuan (every band), pensions between 3,000 and 6,900, and every seventh member on 低保 (0.2 yuan a
 * month). The named accounts declare their own in the journeys. Deterministic, from the user id.
 */
export async function insertDuesDemo(tx: Db, rows: { userId: number; employment: "in_office" | "retired" }[]) {
  if (rows.length === 0) return { duesBases: 0 };
  await tx.insert(duesBases).values(
    rows.map((r) => {
      const low = r.userId % 7 === 0;
      const baseYuan =
        r.employment === "retired" ? 3_000 + ((r.userId * 37) % 40) * 100 : 2_500 + ((r.userId * 53) % 90) * 100;
      return {
        memberId: r.userId,
        fromMonth: "2026-11",
        kind: low ? ("low_income" as const) : r.employment === "retired" ? ("retired" as const) : ("in_work" as const),
        baseFen: low ? null : baseYuan * 100,
        declaredBy: r.userId,
        declaredAt: new Date("2026-11-01T09:00:00+08:00"),
      };
    }),
  );
  return { duesBases: rows.length };
}
