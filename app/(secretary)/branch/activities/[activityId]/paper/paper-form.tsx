"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { assist } from "@/lib/messages/assist";
import { paperSheetAction } from "../../checkin-actions";

const choices = [
  ["", assist.mark.none],
  ["present", assist.mark.present],
  ["late", assist.mark.late],
] as const;

/** One row per member as on the paper: 未到 (the default), 出席 or 迟到, all saved together. */
export function PaperSheetForm({
  activityId,
  members,
}: {
  activityId: number;
  members: { memberId: number; name: string }[];
}) {
  return (
    <ActionForm action={paperSheetAction} success={(message) => message} resetOnSuccess>
      <input type="hidden" name="activityId" value={activityId} />
      <ul className="divide-y divide-stone-100 rounded-xl bg-white px-4">
        {members.map((m) => (
          <li key={m.memberId} className="py-2">
            <fieldset className="flex flex-wrap items-center gap-2">
              <legend className="sr-only">{assist.markFor(m.name)}</legend>
              <span aria-hidden className="min-w-20 flex-1 font-medium">
                {m.name}
              </span>
              {choices.map(([value, label]) => (
                <label
                  key={value}
                  className="ui-control flex min-h-11 cursor-pointer items-center gap-1 rounded-lg px-2 ring-1 ring-stone-400 has-checked:bg-brand-soft has-checked:font-semibold has-checked:ring-2 has-checked:ring-brand"
                >
                  <input
                    type="radio"
                    name={`mark.${m.memberId}`}
                    value={value}
                    defaultChecked={value === ""}
                    className="size-5 accent-brand"
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
      <SubmitButton>{assist.save}</SubmitButton>
    </ActionForm>
  );
}
