import { z } from "zod";
import { feedbackKinds, feedbackSubjects } from "../enums";
import {
  ANSWER_MAX,
  BODY_MAX,
  CONTACT_MAX,
  FEEDBACK_DAYS_MAX,
  FEEDBACK_DAYS_MIN,
  normalReceipt,
  RECEIPT_ALPHABET,
  RECEIPT_LENGTH,
} from "../feedback";
import { t } from "../messages";
import { checkbox, choice, id, optionalText, text, wholeNumber } from "./fields";

/**
 * A complaint or suggestion, from a signed-in person or (with `contact`) from the sign-in page. About a branch
 * it names the branch; about the app it names none, and a branch id sent anyway is refused, not dropped.
 */
export const sendFeedbackInput = z
  .object({
    kind: choice(feedbackKinds),
    subject: choice(feedbackSubjects),
    branchId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
    body: text({ max: BODY_MAX, message: t.feedback.bodyRequired, tooLong: t.feedback.bodyTooLong, multiline: true }),
    anonymous: checkbox,
  })
  .superRefine((input, ctx) => {
    if ((input.subject === "branch") !== (input.branchId !== undefined))
      ctx.addIssue({ code: "custom", path: ["branchId"], message: t.feedback.branchRequired });
  });
export type SendFeedback = z.output<typeof sendFeedbackInput>;

export const sendPublicFeedbackInput = sendFeedbackInput.safeExtend({
  contact: optionalText({ max: CONTACT_MAX, message: t.feedback.contactTooLong }),
});
export type SendPublicFeedback = z.output<typeof sendPublicFeedbackInput>;

const receiptPattern = new RegExp(`^[${RECEIPT_ALPHABET}]{${RECEIPT_LENGTH}}$`);

export const receiptInput = z.object({
  receipt: z
    .string({ error: t.feedback.receiptRequired })
    .max(40, t.feedback.receiptRequired)
    .transform(normalReceipt)
    .pipe(z.string().regex(receiptPattern, t.feedback.receiptRequired)),
});

export const answerFeedbackInput = z.object({
  feedbackId: id,
  answer: text({
    max: ANSWER_MAX,
    message: t.feedback.answerRequired,
    tooLong: t.feedback.answerTooLong,
    multiline: true,
  }),
});

export const feedbackDaysInput = z.object({
  days: wholeNumber(t.feedback.daysInvalid, FEEDBACK_DAYS_MIN, FEEDBACK_DAYS_MAX),
});

export const feedbackViews = ["open", "overdue", "answered"] as const;
export const countyFeedbackQuery = z.object({ view: z.enum(feedbackViews).catch("open") });

export const feedbackRef = z.object({ feedbackId: id });
