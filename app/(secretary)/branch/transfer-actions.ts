"use server";

import { confirmAwayReport, endAway, startAway } from "@/db/queries/away";
import { recordMemberEvent } from "@/db/queries/member-events";
import { chaseTransfer, decideTransfer, startTransfer, withdrawTransfer } from "@/db/queries/transfers";
import { action } from "@/lib/server/action";
import {
  awayReportRef,
  decideTransferInput,
  memberEventInput,
  memberRef,
  startAwayInput,
  startTransferInput,
  transferRef,
} from "@/lib/validation/membership";

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

export const recordEventAction = action("membership.event", memberEventInput, (input, { db, scope }) =>
  recordMemberEvent(db, scope, input),
);

export const startAwayAction = action("membership.away_start", startAwayInput, (input, { db, scope }) =>
  startAway(db, scope, input),
);

export const endAwayAction = action("membership.away_end", memberRef, (input, { db, scope }) =>
  endAway(db, scope, input),
);

export const confirmAwayReportAction = action("membership.away_confirm", awayReportRef, (input, { db, scope }) =>
  confirmAwayReport(db, scope, input),
);
