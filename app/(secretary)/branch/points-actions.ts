"use server";

import { answerAppeal } from "@/db/queries/point-views";
import { manualEntry, reverseEntry } from "@/db/queries/points";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { answerAppealInput, manualEntryInput, reverseEntryInput } from "@/lib/validation/points";

export const manualEntryAction = action("points.manual", manualEntryInput, async (input, { db, scope }) => {
  await manualEntry(db, scope, input);
  return t.points.added;
});

export const reverseEntryAction = action("points.reverse", reverseEntryInput, async (input, { db, scope }) => {
  await reverseEntry(db, scope, input);
  return input.outcome ? t.points.attendanceCorrected : t.points.reversedDone;
});

export const answerAppealAction = action("points.appeal.answer", answerAppealInput, async (input, { db, scope }) => {
  await answerAppeal(db, scope, input);
  return t.points.answered;
});
