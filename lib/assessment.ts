import type { AssessmentTier } from "./enums";

/**
 * The yearly assessment's formula (issue 7), pure so it can be shown and tested. Each part is a share between
 * 0 and 1 of what a branch can reach; the score is their weighted sum out of 100. A part with nothing to
 * measure (no make-up was owed, say) counts as fully met rather than as a failure.
 */
export const WEIGHTS = { attendance: 40, compliance: 20, makeup: 15, points: 15, service: 10 } as const;
export type Part = keyof typeof WEIGHTS;

/** Average points a member can reasonably earn in a year (12 theme days × 5): the points part's full mark. */
export const POINTS_TARGET = 60;
/** Volunteer hours a year per in-office member that fill the service part. */
export const HOURS_TARGET = 20;

export interface Inputs {
  expected: number;
  came: number;
  themeDays: number;
  themeDaysClosed: number;
  makeupOwed: number;
  makeupDone: number;
  members: number;
  points: number;
  inOffice: number;
  hours: number;
}

const share = (done: number, of: number) => (of > 0 ? Math.min(1, Math.max(0, done / of)) : 1);

export function parts(i: Inputs): Record<Part, number> {
  return {
    attendance: share(i.came, i.expected),
    compliance: share(i.themeDaysClosed, i.themeDays),
    makeup: share(i.makeupDone, i.makeupOwed),
    points: i.members > 0 ? share(i.points / i.members, POINTS_TARGET) : 1,
    service: i.inOffice > 0 ? share(i.hours / i.inOffice, HOURS_TARGET) : 1,
  };
}

export function scoreOf(i: Inputs): number {
  const p = parts(i);
  const total = (Object.keys(WEIGHTS) as Part[]).reduce((sum, k) => sum + WEIGHTS[k] * p[k], 0);
  return Math.round(total * 10) / 10;
}

/** The proposal the county admin reviews: 90 and above 优胜, 60 and above 合格, below that 不合格. */
export const proposedTier = (score: number): AssessmentTier => (score >= 90 ? "excellent" : score >= 60 ? "qualified" : "unqualified");
