"use server";

import { setReviewShare } from "@/db/queries/reviews";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { reviewShareInput } from "@/lib/validation/review";

export const setReviewShareAction = action("settings.review_share", reviewShareInput, async (input, { db, scope }) => {
  await setReviewShare(db, scope, input);
  return t.review.shareSaved;
});
