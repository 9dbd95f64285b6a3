"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { activityType } from "@/lib/messages/activity-type";
import { form } from "@/lib/messages/form";
import { run } from "@/lib/messages/run";
import { createMeetingAction } from "../../../activities/actions";

const types = {
  general_meeting: activityType.general_meeting,
  committee_meeting: activityType.committee_meeting,
  group_meeting: activityType.group_meeting,
  party_lecture: activityType.party_lecture,
  org_life_meeting: activityType.org_life_meeting,
  member_review: activityType.member_review,
};

export function MeetingForm({ branchId }: { branchId: number }) {
  const router = useRouter();
  const open = useCallback(
    ({ activityId }: { activityId: number }) => router.push(`/branch/activities/${activityId}`),
    [router],
  );
  return (
    <ActionForm action={createMeetingAction} onSuccess={open}>
      <input type="hidden" name="branchId" value={branchId} />
      <Select label={form.type} name="type" options={types} />
      <Field label={form.title} name="title" />
      <Field label={form.startsAt} name="startsAt" type="datetime-local" />
      <Field label={form.duration} name="durationMinutes" type="number" inputMode="numeric" defaultValue={90} />
      <Field label={form.place} name="place" />
      <TextArea label={form.materials} name="materials" rows={5} />
      <SubmitButton>{run.newMeeting}</SubmitButton>
    </ActionForm>
  );
}
