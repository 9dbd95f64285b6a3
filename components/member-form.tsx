"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { auth } from "@/lib/messages/auth";
import { common } from "@/lib/messages/common";
import { member } from "@/lib/messages/member";
import { roster } from "@/lib/messages/roster";
import type { ActionResult } from "@/lib/server/action";
import type { MemberFields } from "@/lib/validation/roster";

/** One form for adding and editing a member; `hidden` carries the branch or member id. */
export function MemberForm<T>({
  action,
  hidden,
  defaults,
  submitLabel,
  resetOnSuccess,
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string | number>;
  defaults?: { [K in keyof MemberFields]?: string | null };
  submitLabel: string;
  resetOnSuccess?: boolean;
}) {
  return (
    <ActionForm action={action} success={() => roster.saved} resetOnSuccess={resetOnSuccess}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label={common.name} name="name" defaultValue={defaults?.name ?? undefined} autoComplete="off" />
      <Field
        label={auth.phone}
        name="phone"
        type="tel"
        inputMode="numeric"
        defaultValue={defaults?.phone ?? undefined}
        autoComplete="off"
      />
      {(["gender", "category", "presence", "employment"] as const).map((name) => (
        <Select
          key={name}
          label={member.fields[name]}
          name={name}
          options={member[name]}
          defaultValue={defaults?.[name] ?? undefined}
        />
      ))}
      <Field label={roster.joinedOn} name="joinedOn" type="date" defaultValue={defaults?.joinedOn ?? ""} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
