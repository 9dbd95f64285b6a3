"use client";

import { useRouter } from "next/navigation";
import { submit } from "@/components/outbox/outbox";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LeaveReceipt } from "@/db/queries/leave";
import { leave } from "@/lib/messages/leave";
import { pwa } from "@/lib/messages/pwa";
import { run } from "@/lib/messages/run";
import type { ActionResult } from "@/lib/server/action";
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from "@/lib/upload-limit";

/**
 * Sends the form through the outbox to POST /api/v1/leave-requests rather than to a server action: the same
 * handler a replay reaches, idempotent on the form's client id, so a retry after a lost answer never files
 * twice. An attachment is kept with the request on the phone and goes with it as multipart, so a request
 * with a photo survives a dead network too.
 */
async function send(_previous: ActionResult<LeaveReceipt> | null, form: FormData): Promise<ActionResult<LeaveReceipt>> {
  const file = form.get("attachment");
  // Refused here too, so a phone on mobile data does not upload 10 MB only to hear no.
  if (file instanceof File && file.size > MAX_UPLOAD_BYTES)
    return { ok: false, code: "bad_request", error: run.badUpload, fields: { attachment: run.badUpload } };
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  const files = file instanceof File && file.size > 0 ? { attachment: { blob: file, name: file.name } } : undefined;
  const type = fields.type as keyof typeof leave.types;
  const delivery = await submit({
    kind: "leave",
    url: "/api/v1/leave-requests",
    clientId: fields.clientId,
    label: leave.types[type] ?? "",
    body: fields,
    files,
  });
  if (delivery.outcome === "sent") return { ok: true, data: delivery.data as LeaveReceipt };
  if (delivery.outcome === "refused")
    return { ok: false, code: "bad_request", error: delivery.message, fields: delivery.fields };
  return { ok: false, code: "internal", error: delivery.queued ? pwa.queued : delivery.message };
}

export function LeaveForm({ activityId, clientId, late }: { activityId: number; clientId: string; late: boolean }) {
  const router = useRouter();
  return (
    <ActionForm action={send} onSuccess={(receipt) => router.push(`/leave/${receipt.id}`)}>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="activityId" value={activityId} />
      {late && <input type="hidden" name="late" value="on" />}
      <Select label={leave.type} name="type" options={leave.types} defaultValue="sick" />
      <TextArea label={leave.reason} name="reason" hint={leave.reasonHint} maxLength={500} rows={4} />
      <Field
        label={leave.attachment}
        hint={leave.attachmentHint}
        name="attachment"
        type="file"
        accept={UPLOAD_ACCEPT}
        className="block w-full text-sm"
      />
      <SubmitButton>{leave.submit}</SubmitButton>
    </ActionForm>
  );
}
