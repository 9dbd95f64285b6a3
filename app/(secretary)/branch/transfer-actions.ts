"use server";

import { chaseTransfer, decideTransfer, startTransfer, withdrawTransfer } from "@/db/queries/transfers";
import { action } from "@/lib/server/action";
import { decideTransferInput, startTransferInput, transferRef } from "@/lib/validation/membership";

export const startTransferAction = action("membership.transfer_start", startTransferInput, (input, { db, scope }) =>
  startTransfer(db, scope, input),
);

export const decideTransferAction = action("membership.transfer_decide", decideTransferInput, (input, { db, scope }) =>
  decideTransfer(db, scope, input),
);

export const withdrawTransferAction = action("membership.transfer_withdraw", transferRef, (input, { db, scope }) =>
  withdrawTransfer(db, scope, input),
);

export const chaseTransferAction = action("membership.transfer_chase", transferRef, (input, { db, scope }) =>
  chaseTransfer(db, scope, input),
);
