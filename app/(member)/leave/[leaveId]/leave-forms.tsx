"use client";

import { confirmMakeupAction, decideLeaveAction } from "@/app/(secretary)/branch/leave-actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { leave } from "@/lib/messages/leave";
import { submitReflectionAction, withdrawLeaveAction } from "../actions";

const said = (message: string) => message;

export function WithdrawForm({ leaveId }: { leaveId: number }) {
  return (
    <ActionForm action={withdrawLeaveAction} success={said}>
      <input type="hidden" name="leaveId" value={leaveId} />
      <SubmitButton variant="danger">{leave.withdraw}</SubmitButton>
    </ActionForm>
  );
}

/** Approve or reject, with a comment that a rejection needs; also used to change an earlier decision. */
export function DecideForm({ leaveId, current }: { leaveId: number; current: "pending" | "approved" | "rejected" }) {
  return (
    <ActionForm action={decideLeaveAction} success={said}>
      <input type="hidden" name="leaveId" value={leaveId} />
      <input type="hidden" name="from" value={current} />
      <TextArea label={leave.comment} name="comment" hint={leave.commentHint} maxLength={500} rows={2} />
      <div className={current === "pending" ? "grid grid-cols-2 gap-2" : ""}>
        {current !== "approved" && (
          <SubmitButton name="decision" value="approve">
            {leave.approve}
          </SubmitButton>
        )}
        {current !== "rejected" && (
          <SubmitButton name="decision" value="reject" variant="danger">
            {leave.reject}
          </SubmitButton>
        )}
      </div>
    </ActionForm>
  );
}

export function ReflectionForm({ taskId, reflection }: { taskId: number; reflection: string | null }) {
  return (
    <ActionForm action={submitReflectionAction} success={said}>
      <input type="hidden" name="taskId" value={taskId} />
      <TextArea
        label={leave.makeup.reflection}
        name="reflection"
        hint={leave.makeup.reflectionHint}
        defaultValue={reflection ?? ""}
        maxLength={2000}
        rows={6}
      />
      <SubmitButton>{reflection ? leave.makeup.update : leave.makeup.submit}</SubmitButton>
    </ActionForm>
  );
}

export function ConfirmForm({ taskId }: { taskId: number }) {
  return (
    <ActionForm action={confirmMakeupAction} success={said}>
      <input type="hidden" name="taskId" value={taskId} />
      <SubmitButton>{leave.makeup.confirm}</SubmitButton>
    </ActionForm>
  );
}
