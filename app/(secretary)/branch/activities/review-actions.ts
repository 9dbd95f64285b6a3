"use server";

import { countRound, decideGrade, proposeGrade } from "@/db/queries/reviews";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { gradeInput, roundRef } from "@/lib/validation/review";

export const countRoundAction = action("review.count", roundRef, (input, { db, scope }) =>
  countRound(db, scope, input),
);

export const proposeGradeAction = action("review.propose", gradeInput, async (input, { db, scope }) => {
  await proposeGrade(db, scope, input);
  return t.review.proposedOk;
});

export const decideGradeAction = action("review.decide", gradeInput, async (input, { db, scope }) => {
  await decideGrade(db, scope, input);
  return t.review.decidedOk;
});
