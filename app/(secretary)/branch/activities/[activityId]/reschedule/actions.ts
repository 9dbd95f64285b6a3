"use server";

import { requestChange } from "@/db/queries/schedule-changes";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { requestChangeInput } from "@/lib/validation/schedule-changes";

export const requestChangeAction = action("schedule.request", requestChangeInput, async (input, { db, scope }) => {
  await requestChange(db, scope, input);
  return t.scheduleChange.submitted;
});
