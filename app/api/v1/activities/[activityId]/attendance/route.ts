import { attendanceSummary } from "@/db/queries/checkin-screen";
import { route } from "@/lib/route";
import { activityIdParam } from "@/lib/validation/checkins";

/** Live counts for the secretary's check-in screen, polled every few seconds. */
export const GET = route("attendance.summary", activityIdParam, (input, { db, scope }) => attendanceSummary(db, scope, input.activityId));
