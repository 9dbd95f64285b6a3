"use client";

import { type ComponentProps, useId } from "react";
import { useFieldError } from "./action-form";

const control =
  "ui-control block w-full min-h-11 rounded-lg border border-stone-500 bg-white px-3 text-base aria-[invalid=true]:border-red-600";

function Frame({
  label,
  hint,
  id,
  error,
  children,
}: {
  label: string;
  hint?: string;
  id: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input that shows the server's message for its name. */
export function Field({
  label,
  hint,
  name,
  ...props
}: ComponentProps<"input"> & { label: string; name: string; hint?: string }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <Frame label={label} hint={hint} id={id} error={error}>
      <input
        id={id}
        name={name}
        className={control}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...props}
      />
    </Frame>
  );
}

export function Select({
  label,
  name,
  options,
  ...props
}: ComponentProps<"select"> & { label: string; name: string; options: Record<string, string> }) {
  const id = useId();
  const error = useFieldError(name);
  return (
    <Frame label={label} id={id} error={error}>
      <select id={id} name={name} className={control} aria-invalid={Boolean(error)} {...props}>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function Checkbox({ label, name, ...props }: ComponentProps<"input"> & { label: string; name: string }) {
  return (
    <label className="ui-control flex min-h-11 items-center gap-3">
      <input type="checkbox" name={name} className="size-5 accent-brand" {...props} />
      <span>{label}</span>
    </label>
  );
}
