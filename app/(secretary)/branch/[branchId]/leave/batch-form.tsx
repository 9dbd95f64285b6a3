"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { common } from "@/lib/messages/common";
import { leave } from "@/lib/messages/leave";
import { approveManyAction } from "../../leave-actions";

/** The pending list with a checkbox per request (named `pick.<id>`) and one button to approve those ticked. */
export function BatchApproveForm({ children }: { children: ReactNode }) {
  return (
    <ActionForm action={approveManyAction} success={(message) => message} resetOnSuccess>
      {children}
      <Field label={common.optional(leave.comment)} name="comment" maxLength={500} />
      <SubmitButton>{leave.approveSelected}</SubmitButton>
    </ActionForm>
  );
}
