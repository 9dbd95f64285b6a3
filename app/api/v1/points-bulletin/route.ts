import { bulletinRollup } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { monthOf } from "@/lib/time";
import { monthQuery } from "@/lib/validation/points";
import { sheetPercent, workbookOf } from "@/lib/xlsx";

/** The monthly bulletin rolled up per branch (?month=2026-11) as .xlsx, for a committee or the county. */
export const GET = endpoint({
  name: "points.rollup.export",
  reads: "replica",
  input: monthQuery,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const month = input.month ?? monthOf(new Date());
    const rows = await bulletinRollup(db, scope, month);
    const body = await workbookOf([
      {
        name: t.points.sheet.rollupName,
        caption: `${t.points.month(month)}${t.points.bulletin}`,
        columns: t.points.sheet.rollupColumns,
        rows: rows.map((r) => [
          r.branchName,
          r.members,
          r.total,
          r.average,
          r.deducted,
          sheetPercent(r.attendanceRate),
        ]),
        widths: { 0: 32 },
      },
    ]);
    return { body, name: `${t.points.month(month)}-${t.points.bulletin}.xlsx` };
  },
});
