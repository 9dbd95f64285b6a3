import { z } from "zod";
import { t } from "../messages";
import { RULE_CODES } from "../points";
import { calendarDate, choice, decimal, id, text, yearMonth } from "./fields";

const reason = (message: string) => text({ max: 500, message, multiline: true });

/** Points as typed: −100 to 100, not zero, at most one decimal. */
const points = decimal(t.points.manualPointsError).refine(
  (n) => Number.isFinite(n) && n !== 0 && Math.abs(n) <= 100 && Math.round(n * 10) / 10 === n,
  t.points.manualPointsError,
);

export const manualEntryInput = z.object({ memberId: id, points, reason: reason(t.points.reasonRequired) });
/** A reversal; an attendance entry is corrected by the outcome it should have had, and its points follow. */
export const reverseEntryInput = z.object({
  entryId: id,
  reason: reason(t.points.reasonRequired),
  outcome: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["present", "late", "absent"], { error: t.points.outcomeRequired }).optional(),
  ),
});
export const appealInput = z.object({ entryId: id, reason: reason(t.points.reasonRequired) });
export const answerAppealInput = z.object({ appealId: id, answer: reason(t.points.answerRequired) });

export const changeRuleInput = z.object({
  code: choice(RULE_CODES),
  points,
  cap: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    decimal(t.points.capError)
      .refine((n) => n > 0 && n <= 1000 && Math.round(n * 10) / 10 === n, t.points.capError)
      .nullable(),
  ),
  effectiveFrom: calendarDate(t.points.effectiveFromError),
});

export const monthQuery = z.object({ month: yearMonth.optional().catch(undefined) });
