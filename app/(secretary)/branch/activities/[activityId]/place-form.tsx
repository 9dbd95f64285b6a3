"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { run } from "@/lib/messages/run";
import { setPlaceAction } from "../actions";

/** The branch's own place for the activity: saved at once, the expected members told. */
export function PlaceForm({ activityId, place }: { activityId: number; place: string }) {
  return (
    <ActionForm action={setPlaceAction} success={(message) => message} className="space-y-2">
      <input type="hidden" name="activityId" value={activityId} />
      <Field label={run.placeLabel} name="place" defaultValue={place} maxLength={60} hint={run.placeHint} />
      <SubmitButton variant="secondary">{run.placeSave}</SubmitButton>
    </ActionForm>
  );
}
