"use client";

import { useActionState } from "react";
import { revealPhoneAction } from "@/app/(admin)/admin/account-actions";
import { security } from "@/lib/messages/security";

/** A masked number, and for those allowed a button that fetches the whole one (audited on the server). */
export function RevealPhone({ userId, masked, canReveal }: { userId: number; masked: string; canReveal: boolean }) {
  const [state, reveal, pending] = useActionState(revealPhoneAction, null);
  if (state?.ok) return <span className="font-mono">{state.data.phone}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono">{masked}</span>
      {canReveal && (
        <form action={reveal}>
          <input type="hidden" name="userId" value={userId} />
          <button
            type="submit"
            disabled={pending}
            className="min-h-11 px-2 text-sm text-brand underline underline-offset-4"
          >
            {security.showPhone}
          </button>
        </form>
      )}
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-800">
          {state.error}
        </span>
      )}
    </span>
  );
}
