import { branchDuesSheet, sheetBases } from "@/db/queries/dues-views";
import { ratePercent, yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { formatFull, monthOf } from "@/lib/time";
import { branchMonthQuery } from "@/lib/validation/dues";
import { workbookOf } from "@/lib/xlsx";

const money = (fen: number | null) => (fen === null ? "" : Number(yuan(fen)));

/**
 * A branch's 党费收缴登记表 (?month=2026-11) as .xlsx, with the same figures as the screen and the total handed
 * upward. The secretary's and the county's copy carry the bases, and the download is audited as their reveal;
 * the committee's shows them masked.
 */
export const GET = endpoint({
  name: "dues.sheet.export",
  input: branchMonthQuery,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const month = input.month ?? monthOf(new Date());
    const sheet = await branchDuesSheet(db, scope, input.branchId, month);
    const bases = await sheetBases(db, scope, input.branchId, month);
    const body = await workbookOf([
      {
        name: t.dues.sheetName,
        caption: `${sheet.branch.name} ${t.dues.month(month)} ${t.dues.sheetTitle}`,
        columns: t.dues.sheetColumns,
        rows: [
          ...sheet.rows.map((r) => [
            r.name,
            r.kind ? t.dues.kindShort[r.kind] : t.dues.noBaseShort,
            bases ? money(bases.get(r.memberId) ?? null) : r.kind ? t.dues.masked : "",
            r.bp === null ? (r.kind ? t.dues.fixedRate : "") : ratePercent(r.bp),
            money(r.dueFen),
            money(r.paidFen),
            r.paidAt ? formatFull(r.paidAt) : "",
            r.payer ?? "",
            r.recordedBy ?? "",
            money(r.collectedFen),
            money(r.arrearsFen),
            r.monthsOwed,
          ]),
          [
            t.dues.handedUp,
            "",
            "",
            "",
            money(sheet.totals.dueFen),
            money(sheet.totals.paidFen),
            "",
            "",
            "",
            money(sheet.totals.collectedFen),
            money(sheet.totals.arrearsFen),
            "",
          ],
        ],
      },
    ]);
    return { body, name: `${sheet.branch.name}-${t.dues.month(month)}-${t.dues.sheetName}.xlsx` };
  },
});
