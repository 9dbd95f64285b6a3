"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { t } from "@/lib/messages";
import { setElderModeAction } from "./actions";

/**
 * The 长辈模式 switch: one big button that says what it will do, and the current state in words (not only
 * by colour). After a change the page is refreshed, and the layout reads the new setting.
 */
export function ElderModeForm({ on }: { on: boolean }) {
  return (
    <ActionForm action={setElderModeAction} success={(data) => (data.on ? t.elder.turnedOn : t.elder.turnedOff)}>
      <p className="text-stone-700">{t.elder.hint}</p>
      <p className="font-medium">
        {t.elder.title}：<span data-testid="elder-state">{on ? t.elder.on : t.elder.off}</span>
      </p>
      {!on && <input type="hidden" name="on" value="on" />}
      <SubmitButton variant={on ? "secondary" : "primary"}>{on ? t.elder.turnOff : t.elder.turnOn}</SubmitButton>
    </ActionForm>
  );
}
