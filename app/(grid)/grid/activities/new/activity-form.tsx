"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { community } from "@/lib/messages/community";
import { createServiceActivityAction } from "../../actions";

export function ServiceActivityForm({
  places,
  posts,
  defaultStart,
}: {
  places: { id: number; name: string }[];
  posts: { id: number; name: string }[];
  defaultStart: string;
}) {
  const router = useRouter();
  return (
    <ActionForm action={createServiceActivityAction} onSuccess={({ id }) => router.push(`/grid/activities/${id}`)}>
      <Select label={community.heldBy} name="nodeId" options={Object.fromEntries(places.map((p) => [p.id, p.name]))} />
      <Field label={community.activityTitle} name="title" maxLength={40} />
      <Field label={community.place} name="place" maxLength={60} />
      <Field label={community.startsAt} name="startsAt" type="datetime-local" defaultValue={defaultStart} />
      <Field
        label={community.minutes}
        name="minutes"
        type="number"
        inputMode="numeric"
        min={30}
        max={720}
        step={30}
        defaultValue={120}
      />
      <Field
        label={community.capacity}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        defaultValue={20}
      />
      <Select
        label={community.post}
        name="postId"
        options={{ "": community.noPost, ...Object.fromEntries(posts.map((p) => [p.id, p.name])) }}
      />
      <SubmitButton>{community.newActivity}</SubmitButton>
    </ActionForm>
  );
}
