"use client";

import { useEffect, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { assist } from "@/lib/messages/assist";
import { leave } from "@/lib/messages/leave";
import { fileLeaveForAction } from "../../leave-actions";

/**
 * 代请假: for a member without a phone who tells the secretary in person or by a call. The client
 * id is made once per form, so pressing twice never files twice.
 */
export function LeaveForForm({ activityId, memberId, name }: { activityId: number; memberId: number; name: string }) {
  // Made in the browser after hydration: the server's render and the browser's would not agree on a random id.
  const [clientId, setClientId] = useState("");
  useEffect(() => setClientId(crypto.randomUUID()), []);
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 text-sm text-brand">{assist.leaveFor}</summary>
      <ActionForm action={fileLeaveForAction} success={(message) => message} className="space-y-2">
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="activityId" value={activityId} />
        <input type="hidden" name="memberId" value={memberId} />
        <Select label={`${name} ${leave.type}`} name="type" options={leave.types} defaultValue="sick" />
        <TextArea label={`${name} ${leave.reason}`} name="reason" maxLength={500} rows={2} />
        <SubmitButton variant="secondary" aria-label={assist.leaveForLabel(name)}>
          {assist.leaveFor}
        </SubmitButton>
      </ActionForm>
    </details>
  );
}
