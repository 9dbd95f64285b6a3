import ExcelJS from "exceljs";
import { z } from "zod";
import { activityLeaveSheet } from "@/db/queries/leave-lists";
import { execute } from "@/lib/action";
import { failureStatus } from "@/lib/errors";
import { t } from "@/lib/messages";
import { formatFull } from "@/lib/time";
import { id } from "@/lib/validation/fields";

const m = t.leave;

/** One activity's leave list as .xlsx (?activityId=), for the branch's secretary and the admins above. */
export async function GET(request: Request): Promise<Response> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const result = await execute("leave.export", z.object({ activityId: id }), async (input, { db, scope }) => {
    const { activity, rows } = await activityLeaveSheet(db, scope, input.activityId);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(m.sheet.name);
    sheet.addRow([`${activity.branchName} · ${activity.title} · ${formatFull(activity.startsAt)}`]);
    sheet.addRow([...m.sheet.columns]).font = { bold: true };
    for (const r of rows) {
      sheet.addRow([
        r.memberName,
        m.types[r.type],
        r.reason,
        r.status === "pending" && r.activityStatus === "closed" ? m.undecidedClosed : m.status[r.status],
        r.late ? t.common.yes : t.common.no,
        formatFull(r.createdAt),
        r.deciderName ?? "",
        r.decidedAt ? formatFull(r.decidedAt) : "",
        r.comment ?? "",
        r.makeup ? m.makeup.state[r.makeup] : "",
        r.dueAt ? formatFull(r.dueAt) : "",
      ]);
    }
    sheet.columns.forEach((column, i) => (column.width = i === 2 || i === 8 ? 40 : 16));
    return { body: await workbook.xlsx.writeBuffer(), name: `${activity.title}-${m.sheet.name}.xlsx` };
  }, raw);
  if (!result.ok) return Response.json(result, { status: failureStatus(result) });
  return new Response(result.data.body as ArrayBuffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(result.data.name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
