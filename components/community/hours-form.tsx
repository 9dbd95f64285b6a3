"use client";

import { useRouter } from "next/navigation";
import { submit } from "@/components/outbox/outbox";
import type { HoursReceipt } from "@/db/queries/volunteer-hours";
import { community } from "@/lib/messages/community";
import { pwa } from "@/lib/messages/pwa";
import type { ActionResult } from "@/lib/server/action";
import { ActionForm } from "../ui/action-form";
import { Field, Select, TextArea } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";
import { HoursField } from "./hours-field";

/**
 * One entry of volunteer hours through the outbox to POST /api/v1/volunteer-hours (docs/architecture.md#offline): kept
 * on
 * the phone when the network is gone and sent once it is back, idempotent on the form's client id. A grid
 * worker picks the member (`members`); a member records their own, which waits for the grid worker.
 */
async function send(_previous: ActionResult<HoursReceipt> | null, form: FormData): Promise<ActionResult<HoursReceipt>> {
  const body = Object.fromEntries(form) as Record<string, string>;
  const delivery = await submit({
    kind: "hours",
    url: "/api/v1/volunteer-hours",
    clientId: body.clientId,
    label: `${body.servedOn} ${community.hoursUnit(body.hours)}`,
    body,
  });
  if (delivery.outcome === "sent") return { ok: true, data: delivery.data as HoursReceipt };
  if (delivery.outcome === "refused")
    return { ok: false, code: "bad_request", error: delivery.message, fields: delivery.fields };
  return { ok: false, code: "internal", error: delivery.queued ? pwa.queued : delivery.message };
}

export function HoursForm({
  clientId,
  today,
  members,
  done,
}: {
  clientId: string;
  today: string;
  members?: { id: number; name: string; gridName: string }[];
  done: string;
}) {
  const router = useRouter();
  return (
    <ActionForm action={send} onSuccess={() => router.push(done)}>
      <input type="hidden" name="clientId" value={clientId} />
      {members && (
        <Select
          label={community.member}
          name="memberId"
          options={Object.fromEntries(members.map((p) => [p.id, `${p.name}（${p.gridName}）`]))}
        />
      )}
      <Field label={community.servedOn} name="servedOn" type="date" defaultValue={today} max={today} />
      <HoursField defaultValue="1" />
      <TextArea label={community.description} name="description" maxLength={500} rows={3} />
      <SubmitButton>{members ? community.recordOne : community.submitHours}</SubmitButton>
    </ActionForm>
  );
}
