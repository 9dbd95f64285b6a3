"use server";

import { castBallot, saveSelfAssessment } from "@/db/queries/reviews";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { ballotInput, selfAssessmentInput } from "@/lib/validation/review";

export const saveSelfAssessmentAction = action(
  "review.self_assess",
  selfAssessmentInput,
  async (input, { db, scope }) => {
    await saveSelfAssessment(db, scope, input);
    return t.review.selfSaved;
  },
);

export const castBallotAction = action("review.vote", ballotInput, async (input, { db, scope }) => {
  await castBallot(db, scope, input);
  return t.review.votedOk;
});
