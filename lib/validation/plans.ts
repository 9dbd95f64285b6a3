import { z } from "zod";
import { t } from "../messages";
import { fromLocalInput } from "../time";
import { id } from "./fields";

const text = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, message);

/** A `datetime-local` field (Shanghai time), as an instant. */
export const localDateTime = z
  .string({ error: t.plans.startsAt })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, t.plans.startsAt)
  .transform(fromLocalInput)
  .refine((d) => !Number.isNaN(d.getTime()), t.plans.startsAt);

export const links = z
  .array(z.object({ title: text(60, t.plans.linkTitle), url: z.url({ protocol: /^https?$/, error: t.plans.linkUrl }).max(500, t.plans.linkUrl) }))
  .max(10, t.plans.tooManyLinks);

/** Agenda items besides the two that are always there; each may be marked mandatory. */
export const agendaItems = z
  .array(z.object({ title: text(60, t.plans.itemTitle), mandatory: z.boolean() }))
  .max(20, t.plans.tooManyItems);

const planFields = {
  title: text(60, t.plans.title),
  startsAt: localDateTime,
  durationMinutes: z.coerce.number({ error: t.plans.duration }).int(t.plans.duration).min(15, t.plans.duration).max(480, t.plans.duration),
  place: z.string({ error: t.plans.place }).trim().max(60, t.plans.place).default(""),
  materials: z.string().trim().max(20_000, t.plans.materials).default(""),
  links: links.default([]),
  items: agendaItems.min(1, t.plans.emptyAgenda),
};

/** Forms send links and items as JSON in one hidden field each; scripts send arrays. */
export const json = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (typeof v === "string" ? safeJson(v) : v), schema);
function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export const publishPlanInput = z.object({ ...planFields, links: json(planFields.links), items: json(planFields.items) });
export const revisePlanInput = publishPlanInput.extend({ planId: id });
/** Callers other than the form (scripts, tests) may leave the place out: no default place. */
export type PublishPlan = Omit<z.output<typeof publishPlanInput>, "place"> & { place?: string };
