"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { roster } from "@/lib/messages/roster";
import { issueCodeAction, setMemberActiveAction } from "../../actions";

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Asia/Shanghai",
});

export function IssueCodeForm({ userId }: { userId: number }) {
  return (
    <ActionForm
      action={issueCodeAction}
      success={({ code, expiresAt }) => (
        <>
          <p className="font-mono text-3xl font-bold tracking-[0.3em]" data-testid="activation-code">
            {code}
          </p>
          <p className="mt-1 text-sm">{roster.codeShownOnce(dateTime.format(new Date(expiresAt)))}</p>
        </>
      )}
      onSuccess={() => {}}
    >
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary">{roster.issueCode}</SubmitButton>
    </ActionForm>
  );
}

export function SetActiveForm({ userId, active }: { userId: number; active: boolean }) {
  return (
    <ActionForm action={setMemberActiveAction}>
      <input type="hidden" name="userId" value={userId} />
      {!active && <input type="hidden" name="active" value="on" />}
      <SubmitButton variant={active ? "danger" : "secondary"}>
        {active ? roster.deactivate : roster.reactivate}
      </SubmitButton>
    </ActionForm>
  );
}
