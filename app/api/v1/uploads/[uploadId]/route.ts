import { z } from "zod";
import { getEvidence } from "@/db/queries/activity-run";
import { endpoint } from "@/lib/server/route";
import { id } from "@/lib/validation/fields";

/** An evidence photo or PDF of an agenda step, for those who may read its activity. */
export const GET = endpoint({
  name: "upload.read",
  input: z.object({ uploadId: id }),
  answer: "file",
  run: (input, { db, scope }) => getEvidence(db, scope, input.uploadId),
});
