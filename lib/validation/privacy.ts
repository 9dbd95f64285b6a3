import { z } from "zod";
import { t } from "../messages";
import { id, text, wholeNumber } from "./fields";

/** The version the page showed: acknowledging an older one than the current is refused (lib/privacy.ts). */
export const acknowledgeInput = z.object({
  version: wholeNumber(t.privacy.staleVersion, 1, 10_000),
  // Where to go on: a path of this app, which the page checks again (lib/privacy.ts safeNext).
  next: z
    .string()
    .max(500, t.privacy.badNext)
    .refine((v) => v.startsWith("/") && !/\p{Cc}/u.test(v), t.privacy.badNext)
    .optional(),
});

export const correctionInput = z.object({
  body: text({
    max: 1000,
    message: t.privacy.correction.bodyRequired,
    tooLong: t.privacy.correction.bodyTooLong,
    multiline: true,
  }),
});

export const correctionDoneInput = z.object({
  correctionId: id,
  note: text({ max: 500, message: t.privacy.correction.noteRequired, multiline: true }),
});
