"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { community } from "@/lib/messages/community";
import { activityHoursAction } from "../../actions";

/** Hours for everyone who came, in one step: each ticked, at the activity's length unless changed. */
export function ActivityHoursForm({
  activityId,
  people,
  hours,
}: {
  activityId: number;
  people: { memberId: number; name: string }[];
  hours: string;
}) {
  return (
    <ActionForm action={activityHoursAction} success={(message) => message}>
      <input type="hidden" name="activityId" value={activityId} />
      <p className="text-sm text-stone-600">{community.logHint}</p>
      <ul className="divide-y divide-stone-100">
        {people.map((p) => (
          <li key={p.memberId} className="flex items-center justify-between gap-3 py-1">
            <Checkbox label={p.name} name={`served.${p.memberId}`} defaultChecked />
            <label className="flex items-center gap-2">
              <span className="sr-only">{`${p.name} ${community.hoursLabel}`}</span>
              <input
                name={`hours.${p.memberId}`}
                type="number"
                inputMode="decimal"
                step="0.5"
                min="0.5"
                max={hours}
                defaultValue={hours}
                className="ui-control min-h-11 w-20 rounded-lg border border-stone-500 px-2 text-right"
              />
              <span aria-hidden>{community.hoursWord}</span>
            </label>
          </li>
        ))}
      </ul>
      <SubmitButton>{community.logForActivity}</SubmitButton>
    </ActionForm>
  );
}
