"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Select, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { community } from "@/lib/messages/community";
import { reportAction } from "../actions";

type Choice = {
  id: number;
  name: string;
  grids: { id: number; name: string }[];
  posts: { id: number; name: string }[];
};

/** Community, then grid, then the posts that community offers; the posts follow the chosen community. */
export function ReportForm({ choices, initialCommunity }: { choices: Choice[]; initialCommunity?: number }) {
  const router = useRouter();
  const [communityId, setCommunityId] = useState(initialCommunity ?? choices[0]?.id);
  const chosen = choices.find((c) => c.id === communityId) ?? choices[0];
  return (
    <ActionForm action={reportAction} onSuccess={() => router.push("/community")}>
      <Select
        label={community.community}
        name="communityId"
        options={Object.fromEntries(choices.map((c) => [c.id, c.name]))}
        value={chosen?.id}
        onChange={(e) => setCommunityId(Number(e.target.value))}
      />
      <Select
        key={chosen?.id}
        label={community.grid}
        name="gridId"
        options={Object.fromEntries(chosen?.grids.map((g) => [g.id, g.name]) ?? [])}
      />
      <fieldset className="space-y-1">
        <legend className="font-medium text-stone-800">{community.posts}</legend>
        <p className="text-sm text-stone-600">{community.postsHint}</p>
        {chosen?.posts.map((p) => (
          <Checkbox key={`${chosen.id}-${p.id}`} label={p.name} name={`post.${p.id}`} />
        ))}
      </fieldset>
      <TextArea label={community.note} name="note" maxLength={200} rows={2} />
      <SubmitButton>{community.report}</SubmitButton>
    </ActionForm>
  );
}
