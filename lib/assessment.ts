import type { AssessmentTier } from "./enums";

/**
 * The yearly assessment's formula, pure so it can be shown and tested. Each part is a share between
 * 0 and 1 of what a branch can reach; the score is their weighted sum out of 100. A part with nothing to
 * measure is not met: it scores 0 and says why (`unmeasured`), so a branch that did nothing is never
 * proposed as qualified for it. Make-up is measured once the branch held activities: nobody owing one then
 * means everyone came, which is met.
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

const share = (done: number, of: number) => (of > 0 ? Math.min(1, Math.max(0, done / of)) : 0);

/** Why a part scores 0 without a failure to count: there was nothing to measure it by. */
export type Unmeasured = "no_activity" | "no_theme_day" | "no_members" | "no_in_office";

export function unmeasured(i: Inputs): Partial<Record<Part, Unmeasured>> {
  const why: Partial<Record<Part, Unmeasured>> = {};
  if (i.expected === 0) why.attendance = "no_activity";
  if (i.themeDays === 0) why.compliance = "no_theme_day";
  if (i.expected === 0 && i.makeupOwed === 0) why.makeup = "no_activity";
  if (i.members === 0) why.points = "no_members";
  if (i.inOffice === 0) why.service = "no_in_office";
  return why;
}

export function parts(i: Inputs): Record<Part, number> {
  return {
    attendance: share(i.came, i.expected),
    compliance: share(i.themeDaysClosed, i.themeDays),
    makeup: i.makeupOwed > 0 ? share(i.makeupDone, i.makeupOwed) : i.expected > 0 ? 1 : 0,
    points: i.members > 0 ? share(i.points / i.members, POINTS_TARGET) : 0,
    service: i.inOffice > 0 ? share(i.hours / i.inOffice, HOURS_TARGET) : 0,
  };
}

export function scoreOf(i: Inputs): number {
  const p = parts(i);
  const total = (Object.keys(WEIGHTS) as Part[]).reduce((sum, k) => sum + WEIGHTS[k] * p[k], 0);
  return Math.round(total * 10) / 10;
}

/** The proposal the county admin reviews: 90 and above 优胜, 60 and above 合格, below that 不合格. */
export const proposedTier = (score: number): AssessmentTier =>
  score >= 90 ? "excellent" : score >= 60 ? "qualified" : "unqualified";
