"use client";

import { type ComponentProps, useId } from "react";
import { useFieldError } from "./action-form";

/** A labelled text area for a sentence or a paragraph; shows the server's message for its name like <Field>. */
export function TextArea({
  label,
  hint,
  name,
  rows = 4,
  ...props
}: ComponentProps<"textarea"> & { label: string; name: string; hint?: string }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={Boolean(error)}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        className="block w-full rounded-lg border border-stone-500 bg-white p-3 text-base aria-[invalid=true]:border-red-600"
        {...props}
      />
      {(error || hint) && (
        <p id={`${id}-note`} className={`text-sm ${error ? "text-red-700" : "text-stone-600"}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
