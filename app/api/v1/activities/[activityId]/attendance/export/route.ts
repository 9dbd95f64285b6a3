import { attendanceSheet } from "@/db/queries/checkin-screen";
import { markLabel } from "@/lib/checkin-marks";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { formatFull } from "@/lib/time";
import { activityIdParam } from "@/lib/validation/checkins";
import { workbookOf } from "@/lib/xlsx";

/** One activity's attendance as .xlsx, proxy and offline entries marked, for the secretary and the admins above. */
export const GET = endpoint({
  name: "attendance.export",
  input: activityIdParam,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const { activity, rows } = await attendanceSheet(db, scope, input.activityId);
    const body = await workbookOf([
      {
        name: t.checkinReview.sheet.name,
        caption: `${activity.branchName} · ${activity.title} · ${formatFull(activity.startsAt)}`,
        columns: t.checkinReview.sheet.columns,
        widths: { 5: 24, 7: 30 },
        rows: rows.map((r) => [
          r.name,
          r.expected ? t.common.yes : t.checkinReview.sheet.notExpected,
          r.outcome ? t.run.outcome[r.outcome] : "",
          r.method ? t.checkinReview.sheet.method[r.method] : r.source ? t.checkinReview.sheet.source[r.source] : "",
          r.at ? formatFull(r.at) : "",
          r.marks.map((m) => markLabel[m]).join("，"),
          r.proxyByName ?? "",
          r.proxyReason ?? "",
        ]),
      },
    ]);
    return { body, name: `${activity.title}-${t.checkinReview.sheet.name}.xlsx` };
  },
});
