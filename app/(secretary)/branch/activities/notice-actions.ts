"use server";

import { remindUnread } from "@/db/queries/notices";
import { markPhoned } from "@/db/queries/reach";
import { action } from "@/lib/server/action";
import { activityRef } from "@/lib/validation/activities";
import { phonedInput } from "@/lib/validation/reach";

export const remindAction = action("notice.remind", activityRef, (input, { db, scope }) =>
  remindUnread(db, scope, input.activityId),
);

export const phonedAction = action("notice.phoned", phonedInput, (input, { db, scope }) =>
  markPhoned(db, scope, input),
);
