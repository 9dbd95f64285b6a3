"use client";

import { useCallback } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { auth } from "@/lib/messages/auth";
import { validation } from "@/lib/messages/validation";
import { changePasswordAction } from "./actions";

// Queued writes get one more try while the session is still theirs (what stays is sent when they sign in
// again); then the person's cached pages go, so the next person on this phone never sees them (DESIGN.md §7).
// The outbox, the caches and next-auth's client are fetched on the way out, not with the page.
const leave = (callbackUrl: string) => void signOutAfterCleanup(callbackUrl);

async function signOutAfterCleanup(callbackUrl: string): Promise<void> {
  const [{ replay }, { forgetPerson }, { signOut }] = await Promise.all([import("@/components/outbox/outbox"), import("@/components/pwa/clear-person-caches"), import("next-auth/react")]);
  await replay().catch(() => undefined);
  await forgetPerson();
  await signOut({ callbackUrl });
}
const backToLogin = () => leave("/login");

export function ChangePasswordForm() {
  // The new password ends every session, so this one signs out and comes back through the sign-in page.
  const done = useCallback(() => leave("/login?changed=1"), []);
  return (
    <ActionForm action={changePasswordAction} onSuccess={done}>
      <Field label={auth.currentPassword} name="current" type="password" autoComplete="current-password" />
      <Field label={auth.newPassword} name="password" type="password" autoComplete="new-password" hint={validation.password} />
      <Field label={auth.confirmPassword} name="confirm" type="password" autoComplete="new-password" />
      <SubmitButton>{auth.changePassword}</SubmitButton>
    </ActionForm>
  );
}

export function SignOutButton() {
  return (
    <Button variant="secondary" className="w-full" onClick={backToLogin}>
      {auth.signOut}
    </Button>
  );
}
