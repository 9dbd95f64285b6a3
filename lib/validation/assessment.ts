import { z } from "zod";
import { t } from "../messages";
import { choice, id } from "./fields";

const year = z.coerce.number({ error: t.assessment.yearError }).int(t.assessment.yearError).min(2000, t.assessment.yearError).max(2100, t.assessment.yearError);

export const yearQuery = z.object({ year: year.optional().catch(undefined) });

export const setTierInput = z.object({
  year,
  nodeId: id,
  tier: choice(["excellent", "qualified", "unqualified"]),
  note: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string({ error: t.assessment.noteTooLong }).trim().max(500, t.assessment.noteTooLong).optional()),
});
