"use server";

import { answerFeedback, setFeedbackDays } from "@/db/queries/feedback";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { answerFeedbackInput, feedbackDaysInput } from "@/lib/validation/feedback";

export const answerFeedbackAction = action("feedback.answer", answerFeedbackInput, async (input, { db, scope }) => {
  await answerFeedback(db, scope, input);
  return t.feedback.answered;
});

export const setFeedbackDaysAction = action("feedback.deadline", feedbackDaysInput, async (input, { db, scope }) => {
  await setFeedbackDays(db, scope, input);
  return t.feedback.daysSaved;
});
