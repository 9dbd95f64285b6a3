"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { auth } from "@/lib/messages/auth";
import { common } from "@/lib/messages/common";
import { errors } from "@/lib/messages/errors";
import { totp } from "@/lib/messages/totp";

/** Only same-site paths: a crafted link must not send someone elsewhere after signing in. */
function safeNext(raw: string | null): string {
  return raw?.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/";
}

/** next-auth's client (~9 KB) is fetched once someone starts typing, not with the page. */
const loadNextAuth = () => import("next-auth/react");

export function LoginForm({ next }: { next: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Accounts with a second factor: the right password brings the code field, and the form is sent again.
  const [needsCode, setNeedsCode] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const credentials = {
      phone: String(form.get("phone") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(needsCode ? { otp: String(form.get("otp") ?? "") } : {}),
      redirect: false,
    };
    const result = await loadNextAuth()
      .then(({ signIn }) => signIn("credentials", credentials))
      .catch(() => null);
    if (result?.ok) {
      window.location.assign(safeNext(next));
      return;
    }
    setPending(false);
    if (result?.error === totp.codeNeeded) {
      setNeedsCode(true);
      setError(null);
      return;
    }
    setError(
      result?.error && result.error !== "CredentialsSignin"
        ? result.error
        : result
          ? auth.wrongCredentials
          : errors.internal,
    );
  }

  return (
    <form onSubmit={submit} onFocus={() => void loadNextAuth().catch(() => undefined)} className="space-y-4" noValidate>
      <Field label={auth.phone} name="phone" type="tel" inputMode="numeric" autoComplete="username" required />
      <Field label={auth.password} name="password" type="password" autoComplete="current-password" required />
      {needsCode && (
        <Field
          label={totp.signInCode}
          hint={totp.codeNeeded}
          name="otp"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          // biome-ignore lint/a11y/noAutofocus: the code field follows the accepted password; typing goes on there
          autoFocus
          required
        />
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? common.loading : auth.signIn}
      </Button>
      <p className="text-center">
        <Link href="/activate" className="inline-block min-h-11 py-2 text-brand underline underline-offset-4">
          {auth.activateHint}
        </Link>
      </p>
    </form>
  );
}
