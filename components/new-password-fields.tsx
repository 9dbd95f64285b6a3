"use client";

import { Field } from "@/components/ui/field";
import { auth } from "@/lib/messages/auth";
import { validation } from "@/lib/messages/validation";

/** A new password and its repetition, with the rule under it: for activation and for a change alike. */
export function NewPasswordFields() {
  return (
    <>
      <Field
        label={auth.newPassword}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={validation.password}
      />
      <Field label={auth.confirmPassword} name="confirm" type="password" autoComplete="new-password" />
    </>
  );
}
