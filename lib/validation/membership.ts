import { z } from "zod";
import { shanghaiDate } from "../community";
import { t } from "../messages";
import { calendarDate, choice, id, optionalFile, optionalText, text } from "./fields";

export const REASON_MAX = 500;

const reason = text({
  max: REASON_MAX,
  message: t.membership.reasonRequired,
  tooLong: t.membership.reasonTooLong,
  multiline: true,
});

/** The sending secretary starts a transfer of one of their members to another branch of the county. */
export const startTransferInput = z.object({ memberId: id, toBranchId: id, reason });

/** The receiving secretary accepts, or returns with a reason the sender can read. */
export const decideTransferInput = z
  .object({
    transferId: id,
    decision: choice(["accept", "return"]),
    note: z.preprocess(
      (v) => (v == null ? "" : v),
      text({ min: 0, max: REASON_MAX, message: t.membership.reasonTooLong, multiline: true }),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "return" && !input.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: t.membership.returnNeedsReason });
  });
export type DecideTransfer = z.output<typeof decideTransferInput>;

export const transferRef = z.object({ transferId: id });

/** The county's deadline for accepting a transfer, in days. */
export const transferDueDaysInput = z.object({
  days: z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,3}$/.test(v) ? Number(v) : v),
    z
      .number({ error: t.membership.dueDaysRange })
      .int(t.membership.dueDaysRange)
      .min(1, t.membership.dueDaysRange)
      .max(180, t.membership.dueDaysRange),
  ),
});

/** Nobody records a change dated tomorrow. */
const pastDay = (message: string) => calendarDate(message, { from: "1921-07-01", to: () => shanghaiDate(new Date()) });

/** 转正, death, 出党 or a transfer out of the county: a dated event with what it rests on. */
export const memberEventInput = z
  .object({
    memberId: id,
    kind: choice(["made_full", "died", "left_party", "transferred_out"]),
    effectiveOn: pastDay(t.membership.effectiveOn),
    reference: text({ max: 200, message: t.membership.referenceRequired, tooLong: t.membership.referenceTooLong }),
    counterpart: optionalText({ max: 200, message: t.membership.counterpartTooLong }),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "transferred_out" && !input.counterpart)
      ctx.addIssue({ code: "custom", path: ["counterpart"], message: t.membership.destinationRequired });
  });
export type MemberEventInput = z.output<typeof memberEventInput>;

/** A member marked away (流动党员): where, until when, the organisation there, how to keep in touch. */
export const startAwayInput = z.object({
  memberId: id,
  place: text({ max: 100, message: t.membership.placeRequired }),
  hostOrg: optionalText({ max: 100, message: t.membership.fieldTooLong }),
  contact: optionalText({ max: 100, message: t.membership.fieldTooLong }),
  until: calendarDate(t.membership.until),
});
export type StartAway = z.output<typeof startAwayInput>;

export const memberRef = z.object({ memberId: id });

/** An away member reports taking part in a theme day where they are; a photo may come, never must. */
export const awayReportInput = z.object({
  activityId: id,
  note: text({ max: 500, message: t.membership.noteRequired, tooLong: t.membership.noteTooLong, multiline: true }),
  photo: optionalFile,
});

export const awayReportRef = z.object({ reportId: id });
