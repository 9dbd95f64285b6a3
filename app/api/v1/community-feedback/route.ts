import { feedbackRollup } from "@/db/queries/community-feedback";
import { execute } from "@/lib/action";
import { formatHours, parseQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { quarterQuery } from "@/lib/validation/community";
import { workbookOf, xlsxResponse } from "@/lib/xlsx";

const m = t.community;

/** Community reporting and hours per branch for a quarter (?quarter=2026-Q4) as .xlsx, with the total row. */
export async function GET(request: Request): Promise<Response> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const result = await execute("community.rollup.export", quarterQuery, async (input, { db, scope }) => {
    const q = parseQuarter(input.quarter, new Date());
    const rows = await feedbackRollup(db, scope, q);
    const line = (name: string, r: { inOffice: number; reported: number; quarterHalfHours: number; yearHalfHours: number }) => [
      name,
      r.inOffice,
      r.reported,
      Number(formatHours(r.quarterHalfHours)),
      Number(formatHours(r.yearHalfHours)),
    ];
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    const total = { inOffice: sum((r) => r.inOffice), reported: sum((r) => r.reported), quarterHalfHours: sum((r) => r.quarterHalfHours), yearHalfHours: sum((r) => r.yearHalfHours) };
    const caption = `${m.feedback} ${m.quarter(q.year, q.quarter)}`;
    const body = await workbookOf([
      { name: m.sheet.rollupName, caption, columns: m.sheet.rollupColumns, rows: [...rows.map((r) => line(r.branchName, r)), line(t.common.all, total)], widths: { 0: 32 } },
    ]);
    return { body, name: `${m.quarter(q.year, q.quarter)}-${m.feedback}.xlsx` };
  }, raw);
  return xlsxResponse(result);
}
