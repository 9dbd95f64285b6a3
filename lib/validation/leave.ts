import { z } from "zod";
import { REASON_MAX, REFLECTION_MAX, REFLECTION_MIN } from "../leave";
import { t } from "../messages";
import { checkbox, choice, gather, id, optionalFile, text } from "./fields";

export const leaveTypes = ["sick", "official", "personal", "other"] as const;

/**
 * A leave request, as JSON from an offline outbox or as a multipart form with an attachment. `clientId` is
 * made once per form (or outbox item): a replay with it answers the first answer instead of filing again.
 * `late` says the member knows the activity has started and gives a reason for not having come.
 */
export const fileLeaveInput = z.object({
  clientId: z.uuid({ error: t.leave.clientId }),
  activityId: id,
  type: choice(leaveTypes),
  reason: text({ max: REASON_MAX, message: t.leave.reasonRequired, tooLong: t.leave.reasonTooLong, multiline: true }),
  late: checkbox,
  attachment: optionalFile,
});
export type FileLeave = z.output<typeof fileLeaveInput>;

/** The secretary asks for leave on behalf of a member without a phone: the same fields, for that member. */
export const fileLeaveForInput = fileLeaveInput.omit({ attachment: true, late: true }).extend({ memberId: id });

const comment = z.preprocess(
  (v) => (v == null ? "" : v),
  text({ min: 0, max: 500, message: t.leave.commentTooLong, multiline: true }),
);

/**
 * One decision; saying no needs a reason the member can read. `from` is the status the decider's page showed:
 * a decision counts only if the request is still in it, so a page left open cannot overturn someone else's.
 */
export const decideLeaveInput = z
  .object({
    leaveId: id,
    decision: choice(["approve", "reject"]),
    comment,
    from: choice(["pending", "approved", "rejected"]).default("pending"),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && !input.comment)
      ctx.addIssue({ code: "custom", path: ["comment"], message: t.leave.commentRequired });
  });
export type DecideLeave = z.output<typeof decideLeaveInput>;

/**
 * Approving several at once. The form names each checkbox `pick.<leaveId>` (form data keeps one value per
 * name), and they are gathered into `leaveIds` here.
 */
export const approveManyInput = z.preprocess(
  gather("pick", "leaveIds"),
  z.object({
    leaveIds: z.array(id, { error: t.leave.noneSelected }).min(1, t.leave.noneSelected).max(200, t.leave.noneSelected),
    comment,
  }),
);

export const leaveRef = z.object({ leaveId: id });
export const makeupRef = z.object({ taskId: id });

export const reflectionInput = z.object({
  taskId: id,
  reflection: text({
    min: REFLECTION_MIN,
    max: REFLECTION_MAX,
    message: t.leave.makeup.reflectionShort,
    tooLong: t.leave.makeup.reflectionLong,
    multiline: true,
  }),
});

export const leaveViews = ["pending", "decided", "makeup"] as const;

/** The secretary's list: one view, optionally narrowed to one activity or one member. */
export const branchLeaveQuery = z.object({
  branchId: id,
  view: z.enum(leaveViews).catch("pending"),
  activityId: id.optional().catch(undefined),
  memberId: id.optional().catch(undefined),
});
export type BranchLeaveQuery = z.output<typeof branchLeaveQuery>;
