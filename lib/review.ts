import type { ReviewGrade } from "./enums";

/**
 * Pure rules of 民主评议党员 (docs/architecture.md#member-review): how many may be 优秀, what the vote says, and
 * when a grade needs a reason. The data layer applies them inside the transaction that writes the grade.
 */

/** 优秀 at most numerator/denominator of the round's members, rounded down: 1/3 of 10 is 3, of 3 is 1. */
export function maxExcellent(members: number, share: { numerator: number; denominator: number }): number {
  return Math.floor((members * share.numerator) / share.denominator);
}

/** Longest self-assessment and reason, in characters (the forms and lib/validation/review.ts share them). */
export const SELF_MAX = 2000;
export const REASON_MAX = 500;

/** Fewer ballots than this and the tallies would tell who gave which grade, so the round cannot be counted. */
export const MIN_BALLOTS = 3;

export type Tally = Record<ReviewGrade, number>;

/** The grades with the most votes (several on a tie); none when nobody voted on this member. */
export function voteLeaders(tally: Tally): ReviewGrade[] {
  const top = Math.max(...Object.values(tally));
  if (top <= 0) return [];
  return (Object.keys(tally) as ReviewGrade[]).filter((g) => tally[g] === top);
}

/**
 * Why a decision must give its reason: 不合格 always does, and so does a grade the members' vote did not
 * put first. Null when no reason is needed.
 */
export function reasonNeeded(grade: ReviewGrade, tally: Tally): "unqualified" | "differs" | null {
  if (grade === "unqualified") return "unqualified";
  return voteLeaders(tally).includes(grade) ? null : "differs";
}
