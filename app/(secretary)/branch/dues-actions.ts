"use server";

import { declareBase, recordPayment, revealBase, reverseEntry } from "@/db/queries/dues-ledger";
import { remindArrears } from "@/db/queries/dues-views";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { declareBaseInput, memberRef, recordPaymentInput, remindInput, reverseEntryInput } from "@/lib/validation/dues";

/** The member's own declaration (from 我的) or the secretary's for them: the query decides which is allowed. */
export const declareBaseAction = action("dues.base.declare", declareBaseInput, async (input, { db, scope }) => {
  await declareBase(db, scope, input);
  return t.dues.declared;
});

export const recordPaymentAction = action("dues.pay", recordPaymentInput, async (input, { db, scope }) => {
  await recordPayment(db, scope, input);
  return t.dues.recorded;
});

export const reverseEntryAction = action("dues.reverse", reverseEntryInput, async (input, { db, scope }) => {
  await reverseEntry(db, scope, input);
  return t.dues.reversed;
});

export const revealBaseAction = action("dues.base.reveal", memberRef, (input, { db, scope }) =>
  revealBase(db, scope, input),
);

export const remindArrearsAction = action("dues.remind", remindInput, async (input, { db, scope }) => {
  const { reminded } = await remindArrears(db, scope, input);
  return reminded ? t.dues.reminded(reminded) : t.dues.nobodyToRemind;
});
