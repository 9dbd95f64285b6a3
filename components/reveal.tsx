"use client";

import { type ReactNode, useActionState } from "react";
import type { ActionResult } from "@/lib/server/action";

/**
 * Something shown masked, and for those allowed a button that fetches it whole through a server action
 * (which audits the reveal): a phone number, a dues base. `field` is the id the action takes.
 */
export function Reveal<D>({
  action,
  field: [name, value],
  masked,
  label,
  canReveal,
  show,
}: {
  action: (state: ActionResult<D> | null, form: FormData) => Promise<ActionResult<D>>;
  field: [string, number];
  masked: ReactNode;
  label: string;
  canReveal: boolean;
  show: (data: D) => ReactNode;
}) {
  const [state, reveal, pending] = useActionState(action, null);
  if (state?.ok) return <span className="font-mono">{show(state.data)}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono">{masked}</span>
      {canReveal && (
        <form action={reveal}>
          <input type="hidden" name={name} value={value} />
          <button
            type="submit"
            disabled={pending}
            className="min-h-11 px-2 text-sm text-brand underline underline-offset-4"
          >
            {label}
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
