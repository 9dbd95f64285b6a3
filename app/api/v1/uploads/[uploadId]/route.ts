import { z } from "zod";
import { getEvidence } from "@/db/queries/activity-run";
import { fileRoute } from "@/lib/route";
import { id } from "@/lib/validation/fields";

/** An evidence photo or PDF of an agenda step, for those who may read its activity. */
export const GET = fileRoute("upload.read", z.object({ uploadId: id }), (input, { db, scope }) => getEvidence(db, scope, input.uploadId));
