"use client";

import { setReachAction } from "@/app/(admin)/admin/reach/actions";
import type { CountyReach } from "@/db/queries/reach-settings";
import { reminderKinds } from "@/lib/enums";
import { reach } from "@/lib/messages/reach";
import { ActionForm } from "../ui/action-form";
import { Checkbox, Field } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

/** The county's 通知与短信设置 (/admin/reach): SMS on or off, the monthly cap, a switch per reminder kind. */
export function ReachSettingsForm({ settings }: { settings: CountyReach }) {
  return (
    <ActionForm action={setReachAction} success={(message) => message}>
      <Checkbox label={reach.settings.sms} name="smsOn" defaultChecked={settings.smsOn} />
      <Field
        label={reach.settings.cap}
        name="cap"
        inputMode="numeric"
        hint={reach.settings.used(settings.used, settings.cap)}
        defaultValue={String(settings.cap)}
      />
      <fieldset className="space-y-2">
        <legend className="font-medium">{reach.settings.kinds}</legend>
        {reminderKinds.map((kind) => (
          <Checkbox
            key={kind}
            label={reach.kinds[kind]}
            name={`kind.${kind}`}
            defaultChecked={settings.kinds.includes(kind)}
          />
        ))}
      </fieldset>
      <SubmitButton>{reach.settings.save}</SubmitButton>
    </ActionForm>
  );
}
