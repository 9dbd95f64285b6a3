"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { NewPasswordFields } from "@/components/new-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { auth } from "@/lib/messages/auth";
import { changePasswordAction } from "./actions";

// Everything of this person leaves the phone with them: their outbox, cached pages and keys
// (components/pwa/clear-person-caches.ts). The outbox, the caches and next-auth's client are fetched on the
// way out, not with the page.
async function signOutAfterCleanup(callbackUrl: string): Promise<void> {
  const [{ forgetPerson }, { signOut }] = await Promise.all([
    import("@/components/pwa/clear-person-caches"),
    import("next-auth/react"),
  ]);
  await forgetPerson();
  await signOut({ callbackUrl });
}

/** Queued writes get one more try while the session is still theirs; returns how many are still unsent. */
async function sendWhatWaits(): Promise<number> {
  const [{ replay }, { queuedCount }, { outboxUser }] = await Promise.all([
    import("@/components/outbox/outbox"),
    import("@/components/outbox/deliver"),
    import("@/components/outbox/user"),
  ]);
  await replay().catch(() => undefined);
  const userId = outboxUser();
  return userId === null ? 0 : queuedCount(userId).catch(() => 0);
}

export function ChangePasswordForm() {
  // The new password ends every session, so this one signs out and comes back through the sign-in page.
  // That session has ended already, so nothing queued could be sent any more.
  const done = useCallback(() => void signOutAfterCleanup("/login?changed=1"), []);
  return (
    <ActionForm action={changePasswordAction} onSuccess={done}>
      <Field label={auth.currentPassword} name="current" type="password" autoComplete="current-password" />
      <NewPasswordFields />
      <SubmitButton>{auth.changePassword}</SubmitButton>
    </ActionForm>
  );
}

/**
 * 退出登录. Writes that are still unsent would be deleted with everything else of this person: the person is
 * told how many and may stay signed in to go online and let them go first.
 */
export function SignOutButton() {
  const [unsent, setUnsent] = useState(0);
  const [busy, setBusy] = useState(false);
  const warning = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (unsent > 0) warning.current?.focus();
  }, [unsent]);

  async function start() {
    setBusy(true);
    const left = await sendWhatWaits();
    if (left === 0) return signOutAfterCleanup("/login");
    setUnsent(left);
    setBusy(false);
  }

  if (unsent > 0) {
    return (
      <div
        ref={warning}
        tabIndex={-1}
        role="alertdialog"
        aria-labelledby="unsent-title"
        aria-describedby="unsent-body"
        className="space-y-3 rounded-lg bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-300"
      >
        <p id="unsent-title" className="font-semibold">
          {auth.unsentTitle(unsent)}
        </p>
        <p id="unsent-body">{auth.unsentBody}</p>
        <div className="flex flex-wrap gap-3">
          <Button type="button" className="flex-1" onClick={() => setUnsent(0)}>
            {auth.unsentStay}
          </Button>
          <Button
            type="button"
            variant="danger"
            className="flex-1"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void signOutAfterCleanup("/login");
            }}
          >
            {auth.unsentDiscard}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <Button variant="secondary" className="w-full" disabled={busy} onClick={() => void start()}>
      {auth.signOut}
    </Button>
  );
}
