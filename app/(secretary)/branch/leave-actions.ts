"use server";

import { approveMany, decideLeave, fileLeave } from "@/db/queries/leave";
import { confirmMakeup } from "@/db/queries/makeup";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { approveManyInput, decideLeaveInput, fileLeaveForInput, makeupRef } from "@/lib/validation/leave";

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

/**
 * The secretary asks for leave for a member without a phone. Accepted after the start too (as a reason for
 * not having come, like the member's own late request); the request is recorded as filed by the secretary.
 */
export const fileLeaveForAction = action("leave.request_for", fileLeaveForInput, async (input, { db, scope }) => {
  await fileLeave(db, scope, { ...input, late: true });
  return t.assist.leaveForDone;
});
