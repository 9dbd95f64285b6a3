import { duesRollup } from "@/db/queries/dues-views";
import { yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { monthOf } from "@/lib/time";
import { monthQuery } from "@/lib/validation/points";
import { workbookOf } from "@/lib/xlsx";

/** The month's dues per branch (?month=2026-11) as .xlsx, for a committee (its branches) or the county. */
export const GET = endpoint({
  name: "dues.rollup.export",
  input: monthQuery,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const month = input.month ?? monthOf(new Date());
    const rows = await duesRollup(db, scope, month);
    const body = await workbookOf([
      {
        name: t.dues.rollupTitle,
        caption: `${t.dues.month(month)} ${t.dues.rollupTitle}`,
        columns: t.dues.rollupColumns,
        rows: rows.map((r) => [
          r.branchName,
          r.members,
          Number(yuan(r.dueFen)),
          Number(yuan(r.paidFen)),
          Number(yuan(r.collectedFen)),
          r.inArrears,
          r.flag3,
          r.flag6,
        ]),
        widths: { 0: 32 },
      },
    ]);
    return { body, name: `${t.dues.month(month)}-${t.dues.rollupTitle}.xlsx` };
  },
});
