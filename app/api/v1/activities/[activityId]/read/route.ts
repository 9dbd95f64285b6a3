import { markActivityRead } from "@/db/queries/notices";
import { endpoint } from "@/lib/server/route";
import { activityIdParam } from "@/lib/validation/checkins";

/** The member has seen the activity: its notices are read (the secretary's read receipt). Sent by the page once shown. */
export const POST = endpoint({
  name: "notice.activity_read",
  input: activityIdParam,
  run: async (input, { db, scope }) => ({ read: await markActivityRead(db, scope, input.activityId) }),
});
