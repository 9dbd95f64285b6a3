"use client";

import { type ComponentProps, type ReactNode, useId } from "react";
import { useFieldError } from "./form-state";

const control =
  "ui-control block w-full min-h-11 rounded-lg border border-stone-500 bg-white px-3 text-base aria-[invalid=true]:border-red-600";
const area =
  "block w-full rounded-lg border border-stone-500 bg-white p-3 text-base aria-[invalid=true]:border-red-600";

type Labelled = { label: string; name: string; hint?: string; id?: string };

/**
 * The label, the control and one note under it: the server's message for the field's name when an
 * <ActionForm> has one (or `error`, for forms that send by themselves), else the hint.
 */
function Frame({
  label,
  hint,
  name,
  id: given,
  error: own,
  children,
}: Labelled & {
  error?: string | null;
  children: (control: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const generated = useId();
  const id = given ?? generated;
  const error = useFieldError(name) ?? own ?? undefined;
  const note = error ?? hint;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium text-stone-800">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": note ? `${id}-note` : undefined })}
      {note && (
        <p id={`${id}-note`} className={`text-sm ${error ? "text-red-700" : "text-stone-600"}`}>
          {note}
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
  id,
  error,
  ...props
}: ComponentProps<"input"> & Labelled & { error?: string | null }) {
  return (
    <Frame label={label} hint={hint} name={name} id={id} error={error}>
      {(bound) => <input name={name} className={control} {...bound} {...props} />}
    </Frame>
  );
}

/** A labelled text area for a sentence or a paragraph. */
export function TextArea({
  label,
  hint,
  name,
  id,
  error,
  rows = 4,
  ...props
}: ComponentProps<"textarea"> & Labelled & { error?: string | null }) {
  return (
    <Frame label={label} hint={hint} name={name} id={id} error={error}>
      {(bound) => <textarea name={name} rows={rows} className={area} {...bound} {...props} />}
    </Frame>
  );
}

export function Select({
  label,
  hint,
  name,
  id,
  options,
  ...props
}: ComponentProps<"select"> & Labelled & { options: Record<string, string> }) {
  return (
    <Frame label={label} hint={hint} name={name} id={id}>
      {(bound) => (
        <select name={name} className={control} {...bound} {...props}>
          {Object.entries(options).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
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
