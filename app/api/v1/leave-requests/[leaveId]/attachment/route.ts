import { z } from "zod";
import { leaveAttachment } from "@/db/queries/leave-lists";
import { endpoint } from "@/lib/server/route";
import { id } from "@/lib/validation/fields";

/** A leave request's attachment (a doctor's note, a meeting notice), for the member and the branch's readers. */
export const GET = endpoint({
  name: "leave.attachment",
  input: z.object({ leaveId: id }),
  answer: "file",
  run: (input, { db, scope }) => leaveAttachment(db, scope, input.leaveId),
});
