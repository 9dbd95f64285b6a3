"use server";

import { disputeCheckin } from "@/db/queries/checkin-review";
import { action } from "@/lib/server/action";
import { disputeInput } from "@/lib/validation/checkins";

export const disputeCheckinAction = action("checkin.dispute", disputeInput, (input, { db, scope }) =>
  disputeCheckin(db, scope, input),
);
