"use client";

import { setTierAction } from "@/app/(admin)/admin/assessment/actions";
import { assessment } from "@/lib/messages/assessment";
import { ActionForm } from "./ui/action-form";
import { Field, Select } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

/** The county admin's verdict on one unit for a year, starting from the proposal. */
export function TierForm({
  year,
  nodeId,
  name,
  proposal,
}: {
  year: number;
  nodeId: number;
  name: string;
  proposal: string;
}) {
  return (
    <details>
      <summary className="min-h-11 cursor-pointer py-2 text-brand">{assessment.set}</summary>
      <ActionForm action={setTierAction} success={(message) => message} className="space-y-2">
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="nodeId" value={nodeId} />
        <Select
          label={assessment.tier}
          name="tier"
          options={assessment.tiers}
          defaultValue={proposal}
          aria-label={`${name} ${assessment.tier}`}
        />
        <Field label={assessment.note} name="note" maxLength={500} aria-label={`${name} ${assessment.note}`} />
        <SubmitButton variant="secondary">{assessment.set}</SubmitButton>
      </ActionForm>
    </details>
  );
}
