"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { totp } from "@/lib/messages/totp";
import { confirmTotpAction, disableTotpAction, renewRecoveryAction, startTotpAction } from "./actions";

function CodeField() {
  return (
    <Field
      label={totp.code}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      hint={totp.codeHint}
    />
  );
}

/** Shown once after enrolling or renewing: the person copies them onto paper now or never sees them again. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-2" data-testid="recovery-codes">
      <h3 className="font-semibold">{totp.recoveryTitle}</h3>
      <p className="text-stone-700">{totp.recoveryOnce}</p>
      <ol className="grid grid-cols-1 gap-1 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
    </div>
  );
}

export function TwoFactorPanel({
  enrolled,
  required,
  recoveryLeft,
}: {
  enrolled: boolean;
  required: boolean;
  recoveryLeft: number;
}) {
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [off, setOff] = useState(false);
  // The page around this panel says 已启用 or 未启用 from the server: it is re-read after each change, while
  // this panel's own state keeps the recovery codes (or the confirmation) on screen.
  const router = useRouter();

  if (codes) return <RecoveryCodes codes={codes} />;
  if (off) return <p className="rounded-lg bg-green-50 p-3 text-green-900">{totp.disabled}</p>;
  if (!enrolled && !setup) {
    return (
      <ActionForm action={startTotpAction} onSuccess={setSetup}>
        <SubmitButton>{totp.start}</SubmitButton>
      </ActionForm>
    );
  }
  if (!enrolled && setup) {
    return (
      <div className="space-y-4">
        <p>{totp.scan}</p>
        {/* SVG drawn on the server by qrcode from our own otpauth: URI. */}
        <div className="mx-auto w-56" dangerouslySetInnerHTML={{ __html: setup.qr }} />
        <p>
          {totp.secret}：
          <code className="break-all font-mono" data-testid="totp-secret">
            {setup.secret}
          </code>
        </p>
        <ActionForm
          action={confirmTotpAction}
          onSuccess={(data) => {
            setCodes(data.recoveryCodes);
            router.refresh();
          }}
        >
          <CodeField />
          <SubmitButton>{totp.confirm}</SubmitButton>
        </ActionForm>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <p>{totp.recoveryLeft(recoveryLeft)}</p>
      <ActionForm action={renewRecoveryAction} onSuccess={(data) => setCodes(data.recoveryCodes)}>
        <CodeField />
        <SubmitButton variant="secondary">{totp.renew}</SubmitButton>
      </ActionForm>
      {!required && (
        <ActionForm
          action={disableTotpAction}
          onSuccess={() => {
            setOff(true);
            router.refresh();
          }}
        >
          <CodeField />
          <SubmitButton variant="secondary">{totp.disable}</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
