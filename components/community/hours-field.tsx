import { community } from "@/lib/messages/community";
import { Field } from "../ui/field";

/** Volunteer hours as typed: half-hour steps from 0.5 to 12, as lib/validation/community.ts takes them. */
export function HoursField({ defaultValue, label }: { defaultValue: string | number; label?: string }) {
  return (
    <Field
      label={community.hoursLabel}
      name="hours"
      type="number"
      inputMode="decimal"
      step="0.5"
      min="0.5"
      max="12"
      defaultValue={defaultValue}
      aria-label={label}
    />
  );
}
