"use client";

import { useCallback } from "react";
import { NewPasswordFields } from "@/components/new-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { auth } from "@/lib/messages/auth";
import { activate } from "./actions";

export function ActivateForm() {
  const done = useCallback(() => window.location.assign("/login?activated=1"), []);
  return (
    <ActionForm action={activate} onSuccess={done}>
      <Field label={auth.phone} name="phone" type="tel" inputMode="numeric" autoComplete="username" />
      <Field
        label={auth.activationCode}
        name="code"
        autoCapitalize="characters"
        autoComplete="one-time-code"
        hint={auth.activationCodeHint}
      />
      <NewPasswordFields />
      <SubmitButton>{auth.activate}</SubmitButton>
    </ActionForm>
  );
}
