import { z } from "zod";
import { fileLeave } from "@/db/queries/leave";
import { myLeave } from "@/db/queries/leave-lists";
import { execute, type Ctx } from "@/lib/action";
import { AppError, failureStatus, toFailure, type Failure } from "@/lib/errors";
import { t } from "@/lib/messages";
import { OWNER_HEADER } from "@/lib/outbox-owner";
import { ownedRun, route, sameOrigin } from "@/lib/route";
import { readUpload } from "@/lib/uploads";
import { fileLeaveInput, type FileLeave } from "@/lib/validation/leave";

async function file({ attachment, ...input }: FileLeave, { db, scope }: Ctx) {
  let upload: { mime: string; bytes: Buffer } | undefined;
  if (attachment) {
    upload = await readUpload(attachment).catch((error: AppError) => {
      throw new AppError("bad_request", error.message, { attachment: error.message });
    });
  }
  return fileLeave(db, scope, { ...input, attachment: upload });
}

const fromJson = route("leave.request", fileLeaveInput, file);

/**
 * Files a leave request, idempotent on `clientId`: a replay gets the first answer and never a second
 * request. JSON is what the offline outbox replays; the app's form sends the same fields as multipart so an
 * attachment travels in the same request and the request and its file are stored together or not at all.
 */
export async function POST(request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> {
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return fromJson(request, context);
  if (!sameOrigin(request)) return answer(toFailure(new AppError("forbidden", t.errors.badOrigin)));
  const form = await request.formData().catch(() => null);
  if (!form) return answer(toFailure(new AppError("bad_request")));
  return answer(await execute("leave.request", fileLeaveInput, ownedRun(request.headers.get(OWNER_HEADER), file), Object.fromEntries(form)));
}

/** The caller's own requests, for the member's list and the service worker's offline copy. */
export const GET = route("leave.mine", z.object({}), (_input, { db, scope }) => myLeave(db, scope));

function answer(result: { ok: true; data: unknown } | Failure): Response {
  return Response.json(result, { status: result.ok ? 200 : failureStatus(result), headers: { "Cache-Control": "private, no-store" } });
}
