import { z } from "zod";
import { t } from "../messages";
import { fromLocalInput } from "../time";
import { text as fieldText, id, isLocalMinute, wholeNumber } from "./fields";

const text = (max: number, message: string) => fieldText({ max, message });

/** A `datetime-local` field (Shanghai time), as an instant. */
export const localDateTime = z
  .string({ error: t.plans.startsAt })
  .refine(isLocalMinute, t.plans.startsAt)
  .transform(fromLocalInput);

export const links = z
  .array(
    z.object({
      title: text(60, t.plans.linkTitle),
      url: z.url({ protocol: /^https?$/, error: t.plans.linkUrl }).max(500, t.plans.linkUrl),
    }),
  )
  .max(10, t.plans.tooManyLinks);

/** Agenda items besides the two that are always there; each may be marked mandatory. */
export const agendaItems = z
  .array(z.object({ title: text(60, t.plans.itemTitle), mandatory: z.boolean() }))
  .max(20, t.plans.tooManyItems);

const planFields = {
  title: text(60, t.plans.title),
  startsAt: localDateTime,
  durationMinutes: wholeNumber(t.plans.duration, 15, 480),
  place: fieldText({ min: 0, max: 60, message: t.plans.place }).default(""),
  materials: fieldText({ min: 0, max: 20_000, message: t.plans.materials, multiline: true }).default(""),
  links: links.default([]),
  items: agendaItems.min(1, t.plans.emptyAgenda),
};

/** Forms send links and items as JSON in one hidden field each; scripts send arrays. */
export const json = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === "string" ? safeJson(v) : v), schema);
function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export const publishPlanInput = z.object({
  ...planFields,
  links: json(planFields.links),
  items: json(planFields.items),
});
export const revisePlanInput = publishPlanInput.extend({ planId: id });
/** Callers other than the form (scripts, tests) may leave the place out: no default place. */
export type PublishPlan = Omit<z.output<typeof publishPlanInput>, "place"> & { place?: string };
