import { z } from "zod";
import { t } from "../messages";

/** Field schemas shared by every domain's validation module. */

/**
 * A number as people type it: Chinese input methods give full-width digits (１３８…) and plus sign, and
 * people group digits with spaces or dashes of any width. NFKC makes the digits ASCII; the rest goes.
 */
export const phoneDigits = (s: string) => s.normalize("NFKC").replace(/[\s\-\u2010-\u2015\u2212]/g, "");

/** Mainland mobile numbers; full-width digits, spaces, dashes and a +86 prefix are tolerated and removed. */
export const phone = z
  .string({ error: t.validation.phone })
  .transform((s) => phoneDigits(s).replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, t.validation.phone));

export const personName = z
  .string({ error: t.validation.name })
  .trim()
  .min(1, t.validation.name)
  .max(30, t.validation.name);

/** At least 8 characters and no composition rules (OWASP ASVS; see docs/security.md). */
export const password = z
  .string({ error: t.validation.password })
  .min(8, t.validation.password)
  .max(128, t.validation.passwordTooLong);

export const id = z.coerce.number({ error: t.validation.id }).int(t.validation.id).positive(t.validation.id).max(2 ** 31 - 1, t.validation.id);

/** A calendar date typed as 2020-07-01; an empty field means none. */
export const optionalDate = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z.iso.date(t.validation.date).optional(),
);

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: t.validation.choice });
