import { z } from "zod";
import { reviewGrades } from "../enums";
import { t } from "../messages";
import { REASON_MAX, SELF_MAX } from "../review";
import { choice, id, optionalText, text, wholeNumber } from "./fields";

export const selfAssessmentInput = z.object({
  roundId: id,
  text: text({ max: SELF_MAX, message: t.review.selfRequired, tooLong: t.review.selfTooLong, multiline: true }),
});

/**
 * A ballot, from the phone's form (one radio group `grade-<subjectId>` per member) or as JSON: every grade is
 * one of the four; that it covers exactly the others on the list is checked against the round.
 */
const gradeOf = z.object({ subjectId: id, grade: choice(reviewGrades) });
export const ballotInput = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== "object" || "grades" in raw) return raw;
    const entries = Object.entries(raw as Record<string, unknown>);
    const grades = entries
      .filter(([key]) => /^grade-\d{1,10}$/.test(key))
      .map(([key, grade]) => ({ subjectId: key.slice("grade-".length), grade }));
    return { roundId: (raw as Record<string, unknown>).roundId, grades };
  },
  z.object({
    roundId: id,
    grades: z.array(gradeOf, { error: t.review.ballotIncomplete }).min(1, t.review.ballotIncomplete).max(1000),
  }),
);

export const roundRef = z.object({ roundId: id });

export const gradeInput = z.object({
  subjectId: id,
  grade: choice(reviewGrades),
  reason: optionalText({ max: REASON_MAX, message: t.review.reasonTooLong, multiline: true }),
});

/** The county's 优秀 share as a fraction: 1/3, 3/10; never more than all. */
export const reviewShareInput = z
  .object({
    numerator: wholeNumber(t.review.shareNumerator, 0, 100),
    denominator: wholeNumber(t.review.shareDenominator, 1, 100),
  })
  .refine((v) => v.numerator <= v.denominator, { message: t.review.shareTooLarge, path: ["numerator"] });
