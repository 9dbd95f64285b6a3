"use server";

import { decideChange } from "@/db/queries/schedule-changes";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { decideChangeInput } from "@/lib/validation/schedule-changes";

/** One action for the four decisions; the query checks that the caller's role may take the one chosen. */
export const decideChangeAction = action("schedule.decide", decideChangeInput, async (input, { db, scope }) => {
  await decideChange(db, scope, input);
  return t.scheduleChange.decided[input.decision];
});
