import { liveAttendance } from "@/lib/server/live-attendance";
import { endpoint } from "@/lib/server/route";
import { activityIdParam } from "@/lib/validation/checkins";

/** Live counts for the secretary's check-in screen, polled every few seconds (a copy at most 2 s old). */
export const GET = endpoint({
  name: "attendance.summary",
  reads: "replica",
  input: activityIdParam,
  run: (input, { db, scope }) => liveAttendance(db, scope, input.activityId),
});
