"use client";

import {
  chaseTransferAction,
  decideTransferAction,
  startTransferAction,
  withdrawTransferAction,
} from "@/app/(secretary)/branch/transfer-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { membership } from "@/lib/messages/membership";

/** The sending secretary picks the receiving branch and says why. */
export function StartTransferForm({
  memberId,
  targets,
}: {
  memberId: number;
  targets: { id: number; name: string }[];
}) {
  return (
    <ActionForm action={startTransferAction} success={() => membership.started}>
      <input type="hidden" name="memberId" value={memberId} />
      <Select
        label={membership.toBranch}
        name="toBranchId"
        options={Object.fromEntries(targets.map((b) => [String(b.id), b.name]))}
        required
      />
      <TextArea label={membership.reason} name="reason" rows={2} maxLength={500} required />
      <SubmitButton>{membership.start}</SubmitButton>
    </ActionForm>
  );
}

/** The receiving secretary accepts, or returns with a reason. */
export function DecideTransferForm({ transferId }: { transferId: number }) {
  return (
    <ActionForm action={decideTransferAction}>
      <input type="hidden" name="transferId" value={transferId} />
      <TextArea label={membership.noteLabel} name="note" rows={2} maxLength={500} />
      <div className="grid grid-cols-2 gap-2">
        <SubmitButton name="decision" value="accept">
          {membership.accept}
        </SubmitButton>
        <SubmitButton name="decision" value="return" variant="secondary">
          {membership.returnIt}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function WithdrawTransferForm({ transferId }: { transferId: number }) {
  return (
    <ActionForm action={withdrawTransferAction}>
      <input type="hidden" name="transferId" value={transferId} />
      <SubmitButton variant="secondary">{membership.withdraw}</SubmitButton>
    </ActionForm>
  );
}

export function ChaseTransferForm({ transferId }: { transferId: number }) {
  return (
    <ActionForm action={chaseTransferAction} success={() => membership.chased}>
      <input type="hidden" name="transferId" value={transferId} />
      <SubmitButton variant="secondary">{membership.chase}</SubmitButton>
    </ActionForm>
  );
}
