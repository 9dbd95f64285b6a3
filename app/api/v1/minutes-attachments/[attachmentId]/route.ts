import { z } from "zod";
import { minutesAttachment } from "@/db/queries/minutes";
import { endpoint } from "@/lib/server/route";
import { id } from "@/lib/validation/fields";

/** An attachment of the minutes, for whoever may read those minutes. */
export const GET = endpoint({
  name: "upload.read",
  input: z.object({ attachmentId: id }),
  answer: "file",
  run: (input, { db, scope }) => minutesAttachment(db, scope, input.attachmentId),
});
