import { z } from "zod";
import { isFixedKind, MAX_BASE_FEN, parseYuan } from "../dues";
import { duesKinds } from "../enums";
import { t } from "../messages";
import { choice, id, optionalText, wholeNumber, yearMonth } from "./fields";

/** Yuan as typed (full-width digits allowed) or sent as a number, to integer fen; never through floating point. */
const yuanToFen = (message: string) =>
  z.union([z.string(), z.number()], { error: message }).transform((v, ctx) => {
    const fen = parseYuan(String(v).normalize("NFKC"));
    if (fen === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return fen;
  });

/** An optional amount: an empty field means "what is due". */
const optionalYuan = (message: string) =>
  z.preprocess((v) => (v === "" || v == null ? undefined : v), yuanToFen(message).optional());

const month = z.string({ error: t.dues.monthInvalid }).regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, t.dues.monthInvalid);

/** A member's base from a month on; the fixed kinds take no base (and any typed is ignored). */
export const declareBaseInput = z
  .object({
    memberId: id,
    kind: choice(duesKinds),
    fromMonth: month,
    base: optionalYuan(t.dues.baseAmount),
  })
  .transform((input, ctx) => {
    if (isFixedKind(input.kind)) return { ...input, baseFen: null };
    if (input.base === undefined) {
      ctx.addIssue({ code: "custom", path: ["base"], message: t.dues.baseRequired });
      return z.NEVER;
    }
    if (input.base > MAX_BASE_FEN) {
      ctx.addIssue({ code: "custom", path: ["base"], message: t.dues.baseTooLarge });
      return z.NEVER;
    }
    return { ...input, baseFen: input.base };
  });
export type DeclareBase = z.output<typeof declareBaseInput>;

const note = optionalText({ max: 200, message: t.dues.noteInvalid });

/**
 * A payment taken by the secretary: one or more months from `fromMonth`, each at what is due unless an
 * amount is given, by the member or by someone for them (代缴). `clientId` is made once per form: a second tap
 * or a retry answers the first answer, never a second entry.
 */
export const recordPaymentInput = z.object({
  clientId: z.uuid({ error: t.dues.clientId }),
  memberId: id,
  fromMonth: month,
  months: wholeNumber(t.dues.monthsCount, 1, 12).default(1),
  amount: optionalYuan(t.dues.amountInvalid),
  payerName: optionalText({ max: 30, message: t.dues.payerInvalid }),
  note,
});
export type RecordPayment = z.output<typeof recordPaymentInput>;

/** The theme day's dues step: one tap takes what is due; another amount needs a reason when it is less. */
export const takeDuesInput = z.object({
  clientId: z.uuid({ error: t.dues.clientId }).optional(),
  activityId: id,
  memberId: id,
  amount: optionalYuan(t.run.amount),
  note,
});

export const reverseEntryInput = z.object({
  entryId: id,
  note: optionalText({ max: 200, message: t.dues.noteInvalid }).pipe(z.string({ error: t.dues.reverseReasonRequired })),
});

export const memberRef = z.object({ memberId: id });
export const branchMonthQuery = z.object({ branchId: id, month: yearMonth.optional().catch(undefined) });
export const remindInput = z.object({ branchId: id });
