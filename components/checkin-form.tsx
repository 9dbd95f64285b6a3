"use client";

import { type FormEvent, useState } from "react";
import { checkin } from "@/lib/messages/checkin";
import { elder as elderText } from "@/lib/messages/elder";
import { type CheckinResult, sendCheckin } from "./checkin-client";
import { Button } from "./ui/button";
import { Field } from "./ui/field";

/** The member types the 6-digit code shown on the secretary's screen; a recorded check-in goes to `onCheckedIn`. */
export function CheckinForm({
  activityId,
  elder = false,
  onCheckedIn,
}: {
  activityId: number;
  elder?: boolean;
  onCheckedIn: (message: string) => void;
}) {
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setPending(true);
    const answer = await sendCheckin({ activityId, code, clientId: crypto.randomUUID() });
    setPending(false);
    if (answer.ok) onCheckedIn(answer.message);
    else setResult(answer);
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {/* 长辈模式: the server accepts any code shown during the check-in window, so there is no hurry. */}
      <Field
        id="checkin-code"
        label={checkin.typeCode}
        hint={elder ? elderText.codeWholeWindow : undefined}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        pattern="\d{6}"
        className="ui-control block min-h-14 w-full rounded-lg border border-stone-500 px-3 text-center font-mono text-3xl tracking-[0.3em]"
      />
      <Button type="submit" className="min-h-14 w-full text-lg" disabled={pending}>
        {pending ? checkin.scanned : checkin.submit}
      </Button>
      <p aria-live="polite">
        {result && (
          <span
            className={`block rounded-lg p-3 ${result.ok ? "bg-green-50 text-green-900" : result.queued ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800"}`}
            role={result.ok || result.queued ? "status" : "alert"}
          >
            {result.message}
          </span>
        )}
      </p>
    </form>
  );
}
