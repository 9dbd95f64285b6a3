"use client";

import { useRouter } from "next/navigation";
import { submit } from "@/components/outbox/outbox";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextArea } from "@/components/ui/text-area";
import type { LeaveReceipt } from "@/db/queries/leave";
import type { ActionResult } from "@/lib/server/action";
import { errors } from "@/lib/messages/errors";
import { leave } from "@/lib/messages/leave";
import { pwa } from "@/lib/messages/pwa";
import { run } from "@/lib/messages/run";
import { MAX_UPLOAD_BYTES } from "@/lib/upload-limit";

const m = leave;

/**
 * Sends the form to POST /api/v1/leave-requests (multipart, so the attachment goes with it) rather than to a
 * server action: the same handler the offline outbox replays, idempotent on the form's client id, so a
 * retry after a lost answer never files twice.
 */
async function send(_previous: ActionResult<LeaveReceipt> | null, form: FormData): Promise<ActionResult<LeaveReceipt>> {
  const file = form.get("attachment");
  // Refused here too, so a phone on mobile data does not upload 10 MB only to hear no.
  if (file instanceof File && file.size > MAX_UPLOAD_BYTES) return { ok: false, code: "bad_request", error: run.badUpload, fields: { attachment: run.badUpload } };
  // Without a file the request goes through the outbox as JSON, so it survives a dead network (DESIGN.md §7).
  if (!(file instanceof File) || file.size === 0) return sendThroughOutbox(form);
  let response: Response;
  try {
    response = await fetch("/api/v1/leave-requests", { method: "POST", body: form });
  } catch {
    return { ok: false, code: "internal", error: m.network };
  }
  return response.json().catch(() => ({ ok: false, code: "internal", error: errors.internal }));
}

async function sendThroughOutbox(form: FormData): Promise<ActionResult<LeaveReceipt>> {
  const { attachment: _file, ...fields } = Object.fromEntries(form) as Record<string, string>;
  const type = fields.type as keyof typeof m.types;
  const delivery = await submit({ kind: "leave", url: "/api/v1/leave-requests", clientId: fields.clientId, label: m.types[type] ?? "", body: fields });
  if (delivery.outcome === "sent") return { ok: true, data: delivery.data as LeaveReceipt };
  if (delivery.outcome === "refused") return { ok: false, code: "bad_request", error: delivery.message, fields: delivery.fields };
  return { ok: false, code: "internal", error: pwa.queued };
}

export function LeaveForm({ activityId, clientId, late }: { activityId: number; clientId: string; late: boolean }) {
  const router = useRouter();
  return (
    <ActionForm action={send} onSuccess={(receipt) => router.push(`/leave/${receipt.id}`)}>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="activityId" value={activityId} />
      {late && <input type="hidden" name="late" value="on" />}
      <Select label={m.type} name="type" options={m.types} defaultValue="sick" />
      <TextArea label={m.reason} name="reason" hint={m.reasonHint} maxLength={500} rows={4} />
      <Field label={m.attachment} hint={m.attachmentHint} name="attachment" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" className="block w-full text-sm" />
      <SubmitButton>{m.submit}</SubmitButton>
    </ActionForm>
  );
}
