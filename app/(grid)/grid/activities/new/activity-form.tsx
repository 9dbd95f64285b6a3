"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { community } from "@/lib/messages/community";
import { createServiceActivityAction } from "../../actions";

const m = community;

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
      <Select label={m.heldBy} name="nodeId" options={Object.fromEntries(places.map((p) => [p.id, p.name]))} />
      <Field label={m.activityTitle} name="title" maxLength={40} />
      <Field label={m.place} name="place" maxLength={60} />
      <Field label={m.startsAt} name="startsAt" type="datetime-local" defaultValue={defaultStart} />
      <Field
        label={m.minutes}
        name="minutes"
        type="number"
        inputMode="numeric"
        min={30}
        max={720}
        step={30}
        defaultValue={120}
      />
      <Field label={m.capacity} name="capacity" type="number" inputMode="numeric" min={1} max={500} defaultValue={20} />
      <Select
        label={m.post}
        name="postId"
        options={{ "": m.noPost, ...Object.fromEntries(posts.map((p) => [p.id, p.name])) }}
      />
      <SubmitButton>{m.newActivity}</SubmitButton>
    </ActionForm>
  );
}
