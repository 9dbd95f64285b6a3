"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { minutes } from "@/lib/messages/minutes";
import { UPLOAD_ACCEPT } from "@/lib/upload-limit";
import { addendumAction, saveMinutesAction, signMinutesAction } from "../../minutes-actions";

/** What people write into the minutes; the facts above it are not fields at all. */
export function MinutesForm({
  activityId,
  version,
  chairId,
  recorderId,
  discussion,
  resolutions,
  candidates,
}: {
  activityId: number;
  version: number;
  chairId: number | null;
  recorderId: number | null;
  discussion: string;
  resolutions: string;
  candidates: { memberId: number; name: string }[];
}) {
  const options = {
    "": minutes.choose,
    ...Object.fromEntries(candidates.map((c) => [String(c.memberId), c.name])),
  };
  return (
    <ActionForm action={saveMinutesAction} success={(message) => message}>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="version" value={version} />
      <Select label={minutes.chair} name="chairId" options={options} defaultValue={chairId ?? ""} />
      <Select label={minutes.recorder} name="recorderId" options={options} defaultValue={recorderId ?? ""} />
      <p className="text-sm text-stone-600">{minutes.chooseFromRoster}</p>
      <TextArea
        label={minutes.discussion}
        hint={minutes.discussionHint}
        name="discussion"
        rows={6}
        defaultValue={discussion}
      />
      <TextArea label={minutes.resolutions} name="resolutions" rows={4} defaultValue={resolutions} />
      <Field
        label={minutes.attachment}
        name="attachment"
        type="file"
        accept={UPLOAD_ACCEPT}
        className="block w-full text-sm"
      />
      <SubmitButton>{minutes.save}</SubmitButton>
    </ActionForm>
  );
}

export function SignForm({ activityId, version }: { activityId: number; version: number }) {
  return (
    <ActionForm action={signMinutesAction} success={(message) => message}>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-stone-700">{minutes.signHint}</p>
      <SubmitButton>{minutes.sign}</SubmitButton>
    </ActionForm>
  );
}

export function AddendumForm({ activityId }: { activityId: number }) {
  return (
    <ActionForm action={addendumAction} success={(message) => message} resetOnSuccess>
      <input type="hidden" name="activityId" value={activityId} />
      <TextArea label={minutes.addendum} hint={minutes.addendumHint} name="body" rows={3} />
      <SubmitButton variant="secondary">{minutes.addendumAdd}</SubmitButton>
    </ActionForm>
  );
}
