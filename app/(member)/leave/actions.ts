"use server";

import { withdrawLeave } from "@/db/queries/leave";
import { submitReflection } from "@/db/queries/makeup";
import { t } from "@/lib/messages";
import { action } from "@/lib/server/action";
import { leaveRef, reflectionInput } from "@/lib/validation/leave";

// Filing itself is the route handler POST /api/v1/leave-requests: the offline outbox must be able to replay it.

export const withdrawLeaveAction = action("leave.withdraw", leaveRef, async (input, { db, scope }) => {
  await withdrawLeave(db, scope, input);
  return t.leave.withdrawn;
});

export const submitReflectionAction = action("makeup.submit", reflectionInput, async (input, { db, scope }) => {
  await submitReflection(db, scope, input);
  return t.leave.makeup.submitted;
});
