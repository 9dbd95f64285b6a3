import { z } from "zod";
import { activityLeaveSheet } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { formatFull } from "@/lib/time";
import { id } from "@/lib/validation/fields";
import { workbookOf } from "@/lib/xlsx";

/** One activity's leave list as .xlsx (?activityId=), for the branch's secretary and the admins above. */
export const GET = endpoint({
  name: "leave.export",
  input: z.object({ activityId: id }),
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const { activity, rows } = await activityLeaveSheet(db, scope, input.activityId);
    const body = await workbookOf([
      {
        name: t.leave.sheet.name,
        caption: `${activity.branchName} · ${activity.title} · ${formatFull(activity.startsAt)}`,
        columns: t.leave.sheet.columns,
        widths: { 2: 40, 8: 40 },
        rows: rows.map((r) => [
          r.memberName,
          t.leave.types[r.type],
          r.reason,
          r.status === "pending" && r.activityStatus === "closed" ? t.leave.undecidedClosed : t.leave.status[r.status],
          r.late ? t.common.yes : t.common.no,
          formatFull(r.createdAt),
          r.deciderName ?? "",
          r.decidedAt ? formatFull(r.decidedAt) : "",
          r.comment ?? "",
          r.makeup ? t.leave.makeup.state[r.makeup] : "",
          r.dueAt ? formatFull(r.dueAt) : "",
        ]),
      },
    ]);
    return { body, name: `${activity.title}-${t.leave.sheet.name}.xlsx` };
  },
});
