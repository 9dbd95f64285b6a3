"use server";

import { remindUnread } from "@/db/queries/notices";
import { action } from "@/lib/server/action";
import { activityRef } from "@/lib/validation/activities";

export const remindAction = action("notice.remind", activityRef, (input, { db, scope }) =>
  remindUnread(db, scope, input.activityId),
);
