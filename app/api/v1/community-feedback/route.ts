import { feedbackRollup } from "@/db/queries/community-feedback";
import { formatHours, parseQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { quarterQuery } from "@/lib/validation/community";
import { workbookOf } from "@/lib/xlsx";

/** Community reporting and hours per branch for a quarter (?quarter=2026-Q4) as .xlsx, with the total row. */
export const GET = endpoint({
  name: "community.rollup.export",
  input: quarterQuery,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const q = parseQuarter(input.quarter, new Date());
    const rows = await feedbackRollup(db, scope, q);
    const line = (
      name: string,
      r: { inOffice: number; reported: number; quarterHalfHours: number; yearHalfHours: number },
    ) => [name, r.inOffice, r.reported, Number(formatHours(r.quarterHalfHours)), Number(formatHours(r.yearHalfHours))];
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    const total = {
      inOffice: sum((r) => r.inOffice),
      reported: sum((r) => r.reported),
      quarterHalfHours: sum((r) => r.quarterHalfHours),
      yearHalfHours: sum((r) => r.yearHalfHours),
    };
    const caption = `${t.community.feedback} ${t.community.quarter(q.year, q.quarter)}`;
    const body = await workbookOf([
      {
        name: t.community.sheet.rollupName,
        caption,
        columns: t.community.sheet.rollupColumns,
        rows: [...rows.map((r) => line(r.branchName, r)), line(t.common.all, total)],
        widths: { 0: 32 },
      },
    ]);
    return { body, name: `${t.community.quarter(q.year, q.quarter)}-${t.community.feedback}.xlsx` };
  },
});
