"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { Field, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { form } from "@/lib/messages/form";
import { plans } from "@/lib/messages/plans";
import { run } from "@/lib/messages/run";
import { publishPlanAction, revisePlanAction } from "./actions";

interface Item {
  title: string;
  mandatory: boolean;
}
interface Link {
  title: string;
  url: string;
}
export interface PlanDefaults {
  planId: number;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  materials: string;
  links: Link[];
  items: Item[];
}

const input = "block min-h-11 w-full rounded-lg border border-stone-300 px-3";

/**
 * Publishing and revising share one form. The two fixed steps (oath, dues) are shown but not editable;
 * the rows between them are the admin's, each optionally mandatory.
 */
export function PlanForm({ defaults }: { defaults?: PlanDefaults }) {
  const [items, setItems] = useState<Item[]>(defaults?.items ?? [{ title: "", mandatory: false }]);
  const [links, setLinks] = useState<Link[]>(defaults?.links ?? []);
  const setItem = (i: number, patch: Partial<Item>) =>
    setItems(items.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const setLink = (i: number, patch: Partial<Link>) =>
    setLinks(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const revising = Boolean(defaults);

  return (
    <ActionForm
      action={revising ? revisePlanAction : publishPlanAction}
      success={(message) => message}
      resetOnSuccess={!revising}
    >
      {defaults && <input type="hidden" name="planId" value={defaults.planId} />}
      <input type="hidden" name="items" value={JSON.stringify(items.filter((i) => i.title.trim()))} />
      <input type="hidden" name="links" value={JSON.stringify(links.filter((l) => l.title.trim() || l.url.trim()))} />
      <Field label={form.title} name="title" defaultValue={defaults?.title} />
      <Field
        label={form.startsAt}
        name="startsAt"
        type="datetime-local"
        defaultValue={defaults?.startsAt}
        hint={plans.unifiedStart}
      />
      <Field
        label={form.duration}
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        defaultValue={defaults?.durationMinutes ?? 120}
      />
      <Field
        label={plans.placeLabel}
        name="place"
        defaultValue={defaults?.place ?? plans.placeDefault}
        hint={plans.placeHint}
      />
      <TextArea label={form.materials} name="materials" rows={6} defaultValue={defaults?.materials} />

      <fieldset className="space-y-2">
        <legend className="font-medium">{run.agenda}</legend>
        <p className="flex items-center justify-between rounded-lg bg-stone-50 px-3 py-2">
          {plans.oath} <Tag tone="red">{plans.mandatory}</Tag>
        </p>
        {items.map((item, i) => (
          <div key={i} className="space-y-1 rounded-lg border border-stone-200 p-2">
            <label className="sr-only" htmlFor={`item-${i}`}>
              {plans.itemLabel(i + 1)}
            </label>
            <input
              id={`item-${i}`}
              value={item.title}
              onChange={(e) => setItem(i, { title: e.target.value })}
              placeholder={plans.itemPlaceholder(i + 1)}
              className={input}
            />
            <div className="flex items-center justify-between">
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  checked={item.mandatory}
                  onChange={(e) => setItem(i, { mandatory: e.target.checked })}
                  className="size-5 accent-brand"
                />
                {plans.makeMandatory}
              </label>
              <button
                type="button"
                onClick={() => setItems(items.filter((_, j) => j !== i))}
                className="min-h-11 px-3 text-red-800"
              >
                {form.remove}
              </button>
            </div>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => setItems([...items, { title: "", mandatory: false }])}
        >
          {plans.addItem}
        </Button>
        <p className="flex items-center justify-between rounded-lg bg-stone-50 px-3 py-2">
          {plans.dues} <Tag tone="red">{plans.mandatory}</Tag>
        </p>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-medium">{plans.links}</legend>
        {links.map((link, i) => (
          <div key={i} className="space-y-1 rounded-lg border border-stone-200 p-2">
            <input
              aria-label={plans.linkTitleLabel(i + 1)}
              value={link.title}
              onChange={(e) => setLink(i, { title: e.target.value })}
              placeholder={form.title}
              className={input}
            />
            <input
              aria-label={plans.linkUrlLabel(i + 1)}
              value={link.url}
              onChange={(e) => setLink(i, { url: e.target.value })}
              placeholder="https://"
              inputMode="url"
              className={input}
            />
            <button
              type="button"
              onClick={() => setLinks(links.filter((_, j) => j !== i))}
              className="min-h-11 px-3 text-red-800"
            >
              {form.remove}
            </button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => setLinks([...links, { title: "", url: "" }])}
        >
          {plans.addLink}
        </Button>
      </fieldset>

      <SubmitButton>{revising ? plans.revise : plans.publish}</SubmitButton>
    </ActionForm>
  );
}
