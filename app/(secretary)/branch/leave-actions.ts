"use server";

import { approveMany, decideLeave } from "@/db/queries/leave";
import { confirmMakeup } from "@/db/queries/makeup";
import { action } from "@/lib/action";
import { t } from "@/lib/messages";
import { approveManyInput, decideLeaveInput, makeupRef } from "@/lib/validation/leave";

export const decideLeaveAction = action("leave.decide", decideLeaveInput, async (input, { db, scope }) => {
  await decideLeave(db, scope, input);
  return t.leave.decided[input.decision];
});

export const approveManyAction = action("leave.approve_many", approveManyInput, async (input, { db, scope }) => {
  const { approved, skipped } = await approveMany(db, scope, input);
  return t.leave.batchDone(approved, skipped);
});

export const confirmMakeupAction = action("makeup.confirm", makeupRef, async (input, { db, scope }) => {
  await confirmMakeup(db, scope, input);
  return t.leave.makeup.confirmed;
});
