import { z } from "zod";
import { t } from "../messages";
import { choice, id, text } from "./fields";
import { localDateTime } from "./plans";

/**
 * A secretary asks to move a theme day; whether the time is allowed (future, different) needs the clock and the
 * activity, so the query decides that.
 */
export const requestChangeInput = z.object({
  activityId: id,
  toStartsAt: localDateTime,
  reason: text({ max: 500, message: t.scheduleChange.reasonInvalid, multiline: true }),
});
export type RequestChange = z.output<typeof requestChangeInput>;

/**
 * One decision on a request. endorse/return belong to the committee, approve/reject to the county; the
 * query checks which one the caller may take. Saying no needs a reason the secretary can act on.
 */
export const decideChangeInput = z
  .object({
    changeId: id,
    decision: choice(["endorse", "return", "approve", "reject"]),
    comment: z.preprocess(
      (v) => (v == null ? "" : v),
      text({ min: 0, max: 500, message: t.scheduleChange.commentTooLong, multiline: true }),
    ),
  })
  .superRefine((input, ctx) => {
    if ((input.decision === "return" || input.decision === "reject") && !input.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: t.scheduleChange.commentRequired });
    }
  });
export type DecideChange = z.output<typeof decideChangeInput>;
