import { z } from "zod";
import { fileLeave } from "@/db/queries/leave";
import { myLeave } from "@/db/queries/leave-lists";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/action";
import { endpoint } from "@/lib/server/route";
import { readUpload } from "@/lib/uploads";
import { type FileLeave, fileLeaveInput } from "@/lib/validation/leave";

async function file({ attachment, ...input }: FileLeave, { db, scope }: Ctx) {
  let upload: { mime: string; bytes: Buffer } | undefined;
  if (attachment) {
    upload = await readUpload(attachment).catch((error: AppError) => {
      throw new AppError("bad_request", error.message, { attachment: error.message });
    });
  }
  return fileLeave(db, scope, { ...input, attachment: upload });
}

/**
 * Files a leave request, idempotent on `clientId`: a replay gets the first answer and never a second
 * request. JSON is what the offline outbox replays; the app's form sends the same fields as multipart so an
 * attachment travels in the same request and the request and its file are stored together or not at all.
 */
export const POST = endpoint({ name: "leave.request", input: fileLeaveInput, body: "json-or-multipart", run: file });

/** The caller's own requests, for the member's list and the service worker's offline copy. */
export const GET = endpoint({
  name: "leave.mine",
  input: z.object({}),
  run: (_input, { db, scope }) => myLeave(db, scope),
});
