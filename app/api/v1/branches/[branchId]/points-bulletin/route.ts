import { monthlyBulletin } from "@/db/queries/point-views";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { monthOf } from "@/lib/time";
import { id } from "@/lib/validation/fields";
import { monthQuery } from "@/lib/validation/points";
import { workbookOf } from "@/lib/xlsx";

/** A branch's monthly points bulletin (?month=2026-11) as .xlsx, with the same figures as the screen. */
export const GET = endpoint({
  name: "points.bulletin.export",
  input: monthQuery.extend({ branchId: id }),
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const month = input.month ?? monthOf(new Date());
    const { branch, rows, deductions } = await monthlyBulletin(db, scope, input.branchId, month);
    const body = await workbookOf([
      {
        name: t.points.sheet.name,
        caption: `${branch.name} ${t.points.month(month)}${t.points.bulletin}`,
        columns: t.points.sheet.columns,
        rows: rows.map((r) => [r.name, r.monthPoints, r.monthDeductions, r.yearPoints, r.came, r.expected]),
      },
      {
        name: t.points.deductionsList,
        caption: t.points.deductionsList,
        columns: t.points.sheet.deductionColumns,
        rows: deductions.map((d) => [d.name, d.points, d.reason]),
        widths: { 2: 60 },
      },
    ]);
    return { body, name: `${branch.name}-${t.points.month(month)}-${t.points.bulletin}.xlsx` };
  },
});
