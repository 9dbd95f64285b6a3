"use client";

import { Button } from "@/components/ui/button";
import { app } from "@/lib/messages/app";
import { errors } from "@/lib/messages/errors";

/** Anything unexpected: the person sees a calm sentence and a retry, the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="space-y-4 p-8 text-center">
      <h1 className="text-xl font-semibold">{app.errorTitle}</h1>
      <p className="text-stone-700">{errors.internal}</p>
      <Button onClick={reset}>{app.retry}</Button>
    </main>
  );
}
