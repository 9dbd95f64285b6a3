"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { elder } from "@/lib/messages/elder";
import { setElderModeAction } from "./actions";

/**
 * The 长辈模式 switch: one big button that says what it will do, and the current state in words (not only
 * by colour). After a change the page is refreshed, and the layout reads the new setting.
 */
export function ElderModeForm({ on }: { on: boolean }) {
  return (
    <ActionForm action={setElderModeAction} success={(data) => (data.on ? elder.turnedOn : elder.turnedOff)}>
      <p className="text-stone-700">{elder.hint}</p>
      <p className="font-medium">
        {elder.title}：<span data-testid="elder-state">{on ? elder.on : elder.off}</span>
      </p>
      {!on && <input type="hidden" name="on" value="on" />}
      <SubmitButton variant={on ? "secondary" : "primary"}>{on ? elder.turnOff : elder.turnOn}</SubmitButton>
    </ActionForm>
  );
}
