import { z } from "zod";
import { t } from "../messages";
import { choice, id, optionalText, wholeNumber } from "./fields";

const year = wholeNumber(t.assessment.yearError, 2000, 2100);

export const yearQuery = z.object({ year: year.optional().catch(undefined) });

export const setTierInput = z.object({
  year,
  nodeId: id,
  tier: choice(["excellent", "qualified", "unqualified"]),
  note: optionalText({ max: 500, message: t.assessment.noteTooLong, multiline: true }),
});
