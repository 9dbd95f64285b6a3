import { markActivityRead } from "@/db/queries/notices";
import { route } from "@/lib/route";
import { activityIdParam } from "@/lib/validation/checkins";

/** The member has seen the activity: its notices are read (the secretary's read receipt). Sent by the page once shown. */
export const POST = route("notice.activity_read", activityIdParam, async (input, { db, scope }) => ({
  read: await markActivityRead(db, scope, input.activityId),
}));
