"use client";

import { signupAction } from "@/app/(member)/community/actions";
import { community } from "@/lib/messages/community";
import { ActionForm } from "../ui/action-form";
import { SubmitButton } from "../ui/submit-button";

/** Sign up for a community activity, or cancel; the answer shows under the button. */
export function SignupButton({ activityId, joined, title }: { activityId: number; joined: boolean; title: string }) {
  return (
    <ActionForm action={signupAction} className="space-y-2">
      <input type="hidden" name="activityId" value={activityId} />
      {!joined && <input type="hidden" name="join" value="on" />}
      <SubmitButton
        variant={joined ? "secondary" : "primary"}
        aria-label={`${joined ? community.cancelSignUp : community.signUp}：${title}`}
      >
        {joined ? community.cancelSignUp : community.signUp}
      </SubmitButton>
    </ActionForm>
  );
}
