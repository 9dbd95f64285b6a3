"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { errors, refusalOf } from "@/lib/messages/errors";
import type { ActionResult } from "@/lib/server/action";
import { MAX_UPLOAD_BYTES } from "@/lib/upload-limit";
import { FormState } from "./form-state";

export type Action<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * A form bound to a server action made with `lib/server/action.ts`: shows the answer (the error in Chinese, or
 * `success` rendered from the result), passes field errors down to <Field>, and refreshes the page's data
 * after a success so lists show the change. It submits by hand rather than through `<form action>` so that
 * what the person typed stays in the fields when the server says no.
 */
/**
 * A file over the limit is refused before it is sent (the server would refuse it, after a long upload on mobile
 * data), and a refusal that came back as a thrown error (lib/action-guard.ts) is shown like any other answer.
 */
function guarded<T>(action: Action<T>): Action<T> {
  return async (previous, form) => {
    for (const [name, value] of form) {
      if (value instanceof File && value.size > MAX_UPLOAD_BYTES)
        return { ok: false, code: "bad_request", error: errors.tooLarge, fields: { [name]: errors.tooLarge } };
    }
    try {
      return await action(previous, form);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === null) throw error;
      return { ok: false, code: "bad_request", error: refusal };
    }
  };
}

export function ActionForm<T>({
  action,
  children,
  success,
  onSuccess,
  resetOnSuccess = false,
  className = "space-y-4",
}: {
  action: Action<T>;
  children: ReactNode;
  success?: (data: T) => ReactNode;
  onSuccess?: (data: T) => void;
  resetOnSuccess?: boolean;
  className?: string;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(
    useMemo(() => guarded(action), [action]),
    null,
  );
  useEffect(() => {
    if (!state?.ok) return;
    if (resetOnSuccess) form.current?.reset();
    if (onSuccess) onSuccess(state.data);
    else router.refresh();
  }, [state, onSuccess, resetOnSuccess, router]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  }

  return (
    <form ref={form} onSubmit={submit} className={className} aria-busy={pending} noValidate>
      <FormState.Provider value={{ fields: state && !state.ok ? state.fields : undefined, pending }}>
        {children}
      </FormState.Provider>
      <div aria-live="polite">
        {state && !state.ok && (
          <p className="rounded-lg bg-red-50 p-3 text-red-800" role="alert">
            {state.error}
          </p>
        )}
        {state?.ok && success && <div className="rounded-lg bg-green-50 p-3 text-green-900">{success(state.data)}</div>}
      </div>
    </form>
  );
}
