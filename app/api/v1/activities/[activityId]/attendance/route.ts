import { attendanceSummary } from "@/db/queries/checkin-screen";
import { endpoint } from "@/lib/route";
import { activityIdParam } from "@/lib/validation/checkins";

/** Live counts for the secretary's check-in screen, polled every few seconds. */
export const GET = endpoint({ name: "attendance.summary", input: activityIdParam, run: (input, { db, scope }) => attendanceSummary(db, scope, input.activityId) });
