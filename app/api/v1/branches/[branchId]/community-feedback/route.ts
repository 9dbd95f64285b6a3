import { branchFeedback } from "@/db/queries/community-feedback";
import { formatHours, parseQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { quarterQuery } from "@/lib/validation/community";
import { id } from "@/lib/validation/fields";
import { workbookOf } from "@/lib/xlsx";

const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

/** A branch's community feedback for a quarter (?quarter=2026-Q4) as .xlsx: one row per member. */
export const GET = endpoint({
  name: "community.feedback.export",
  input: quarterQuery.extend({ branchId: id }),
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const q = parseQuarter(input.quarter, new Date());
    const { branch, rows } = await branchFeedback(db, scope, input.branchId, q);
    const body = await workbookOf([
      {
        name: t.community.sheet.name,
        caption: `${branch.name} · ${t.community.quarter(q.year, q.quarter)} · ${t.community.feedback}`,
        columns: t.community.sheet.columns,
        rows: rows.map((r) => [
          r.name,
          branch.name,
          r.communityName ?? "",
          r.gridName ?? "",
          r.inOffice ? t.community.standing[r.standing] : t.community.notApplicable,
          r.validUntil ? day.format(r.validUntil) : "",
          r.posts.join("、"),
          Number(formatHours(r.quarterHalfHours)),
          Number(formatHours(r.yearHalfHours)),
          r.quarterActivities,
        ]),
      },
    ]);
    return { body, name: `${branch.name}-${t.community.quarter(q.year, q.quarter)}-${t.community.sheet.name}.xlsx` };
  },
});
