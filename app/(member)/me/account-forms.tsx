"use client";

import { signOut } from "next-auth/react";
import { useCallback } from "react";
import { replay } from "@/components/outbox/outbox";
import { forgetPerson } from "@/components/pwa/clear-person-caches";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { auth } from "@/lib/messages/auth";
import { validation } from "@/lib/messages/validation";
import { changePasswordAction } from "./actions";

// Queued writes get one more try while the session is still theirs (what stays is sent when they sign in
// again); then the person's cached pages go, so the next person on this phone never sees them (DESIGN.md §7).
const leave = (callbackUrl: string) =>
  void replay()
    .catch(() => undefined)
    .then(forgetPerson)
    .then(() => signOut({ callbackUrl }));
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
