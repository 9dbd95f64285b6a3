"use server";

import { reviewOfflineCheckin, settleDispute } from "@/db/queries/checkin-review";
import { proxyCheckIn } from "@/db/queries/checkins";
import { recordPaperSheet } from "@/db/queries/paper-sheet";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { paperSheetInput, proxyCheckinInput, reviewOfflineInput, settleDisputeInput } from "@/lib/validation/checkins";

export const proxyCheckinAction = action("checkin.proxy", proxyCheckinInput, (input, { db, scope }) =>
  proxyCheckIn(db, scope, input),
);

export const paperSheetAction = action("checkin.paper_sheet", paperSheetInput, async (input, { db, scope }) => {
  const { recorded, already } = await recordPaperSheet(db, scope, input);
  return t.assist.saved(recorded, already);
});

export const reviewOfflineAction = action(
  "checkin.offline_review",
  reviewOfflineInput,
  async (input, { db, scope }) => {
    await reviewOfflineCheckin(db, scope, input);
    return input.decision === "confirm" ? t.checkinReview.confirmed : t.checkinReview.rejected;
  },
);

export const settleDisputeAction = action(
  "checkin.dispute_settle",
  settleDisputeInput,
  async (input, { db, scope }) => {
    await settleDispute(db, scope, input);
    return t.checkinReview.settled;
  },
);
