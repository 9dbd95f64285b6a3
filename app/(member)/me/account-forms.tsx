"use client";

import { signOut } from "next-auth/react";
import { useCallback } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { t } from "@/lib/messages";
import { changePasswordAction } from "./actions";

const backToLogin = () => void signOut({ callbackUrl: "/login" });

export function ChangePasswordForm() {
  // The new password ends every session, so this one signs out and comes back through the sign-in page.
  const done = useCallback(() => void signOut({ callbackUrl: "/login?changed=1" }), []);
  return (
    <ActionForm action={changePasswordAction} onSuccess={done}>
      <Field label={t.auth.currentPassword} name="current" type="password" autoComplete="current-password" />
      <Field label={t.auth.newPassword} name="password" type="password" autoComplete="new-password" hint={t.validation.password} />
      <Field label={t.auth.confirmPassword} name="confirm" type="password" autoComplete="new-password" />
      <SubmitButton>{t.auth.changePassword}</SubmitButton>
    </ActionForm>
  );
}

export function SignOutButton() {
  return (
    <Button variant="secondary" className="w-full" onClick={backToLogin}>
      {t.auth.signOut}
    </Button>
  );
}
