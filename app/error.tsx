"use client";

import { Button } from "@/components/ui/button";
import { common } from "@/lib/messages/common";
import { errors, refusalOf } from "@/lib/messages/errors";

/**
 * Anything unexpected: the person sees a calm sentence and a retry, the details stay in the server log. A
 * refusal of ours that arrived as an error (a server action Next's client could not read as an answer, see
 * lib/action-guard.ts) says what was wrong instead of 系统繁忙.
 */
export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <main className="space-y-4 p-8 text-center">
      <h1 className="text-xl font-semibold">{common.errorTitle}</h1>
      <p className="text-stone-700">{refusalOf(error) ?? errors.internal}</p>
      <Button onClick={reset}>{common.retry}</Button>
    </main>
  );
}
