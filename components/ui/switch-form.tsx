"use client";

import { type Action, ActionForm } from "./action-form";
import { SubmitButton } from "./submit-button";

/** What a switch says: plain strings, so that a server page can hand them to this client component. */
export interface SwitchLabels {
  title: string;
  hint: string;
  on: string;
  off: string;
  turnOn: string;
  turnOff: string;
  turnedOn: string;
  turnedOff: string;
}

/**
 * One on/off setting (长辈模式, 短信提醒, the county's ranking): the current state in words (not only by
 * colour) and one big button that says what it will do. The action answers `{ on }`; after a change the page
 * is refreshed and reads the new setting.
 */
export function SwitchForm({
  action,
  on,
  labels,
  stateId,
}: {
  action: Action<{ on: boolean }>;
  on: boolean;
  labels: SwitchLabels;
  stateId: string;
}) {
  return (
    <ActionForm action={action} success={(data) => (data.on ? labels.turnedOn : labels.turnedOff)}>
      <p className="text-stone-700">{labels.hint}</p>
      <p className="font-medium">
        {labels.title}：<span data-testid={stateId}>{on ? labels.on : labels.off}</span>
      </p>
      {!on && <input type="hidden" name="on" value="on" />}
      <SubmitButton variant={on ? "secondary" : "primary"}>{on ? labels.turnOff : labels.turnOn}</SubmitButton>
    </ActionForm>
  );
}
