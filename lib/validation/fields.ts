import { z } from "zod";
import { t } from "../messages";

/**
 * Field schemas shared by every domain's validation module: what crosses the boundary is text without control
 * characters, numbers that were numbers (or digits typed into a form), and days that exist on a calendar.
 */

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

/**
 * C0 and C1 controls (NUL among them, which PostgreSQL cannot store in text), bidi overrides (which make a
 * name read differently from what it is), non-characters and lone surrogates (not UTF-8 at all). Tabs and line
 * breaks are allowed only where the field has several lines.
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udfff]/u;
const LINE_BREAK = /[\t\n\r]/;

export interface TextOptions {
  max: number;
  /** Shown for a missing, too short or (unless `tooLong` says otherwise) too long value. */
  message: string;
  tooLong?: string;
  /** 1 unless said otherwise: a required field. */
  min?: number;
  multiline?: boolean;
}

/** The one schema for text a person typed or a script sent: trimmed, printable, between min and max characters. */
export function text({ max, message, tooLong = message, min = 1, multiline = false }: TextOptions) {
  return z
    .string({ error: message })
    .trim()
    .refine((s) => !CONTROL.test(s) && (multiline || !LINE_BREAK.test(s)), t.validation.control)
    .min(min, message)
    .max(max, tooLong);
}

/** The same, where an empty field (or none) means no value. */
export function optionalText(options: Omit<TextOptions, "min">) {
  return z.preprocess((v) => (v === "" || v == null ? undefined : v), text({ ...options, min: 0 }).optional());
}

/** A search box or a filter in the address (?q=): the same rules, short, and missing when empty. */
export function searchText(max: number) {
  return optionalText({ max, message: t.validation.search });
}

export const personName = text({ max: 30, message: t.validation.name });

/** At least 8 characters and no composition rules (OWASP ASVS; see docs/security.md); only its hash is stored. */
export const password = z
  .string({ error: t.validation.password })
  .min(8, t.validation.password)
  .max(128, t.validation.passwordTooLong);

const positiveId = z
  .number({ error: t.validation.id })
  .int(t.validation.id)
  .positive(t.validation.id)
  .max(2 ** 31 - 1, t.validation.id);

/** An id in a JSON body: a number, never `"3"`, `[3]` or `true`. */
export const jsonId = positiveId;

/** An id from a form field, a path or a query (digits as typed), or a number from a script; nothing else. */
export const id = z.preprocess((v) => (typeof v === "string" && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : v), positiveId);

/** A number typed into a form (`12`, `-1.5`) or sent as one; `true`, `[3]`, `0x10` and `1e3` are not. */
function formNumber(message: string, check: (n: z.ZodNumber) => z.ZodNumber) {
  return z.preprocess(
    (v) => (typeof v === "string" && /^\s*-?\d{1,9}(\.\d{1,6})?\s*$/.test(v) ? Number(v) : v),
    check(z.number({ error: message })),
  );
}

/** A whole number between min and max (minutes, capacity, a year). */
export const wholeNumber = (message: string, min: number, max: number) =>
  formNumber(message, (n) => n.int(message).min(min, message).max(max, message));

/** A decimal; its range and steps are the caller's refinement. */
export const decimal = (message: string) => formNumber(message, (n) => n.finite(message));

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-02-30 is not a day (JavaScript's Date would quietly make it 03-02). */
export function isCalendarDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The years the app's own records live in: nothing of a county's branch work happened before or after. */
export const FIRST_DAY = "2000-01-01";
export const LAST_DAY = "2100-12-31";

type Bound = string | (() => string);
const bound = (b: Bound) => (typeof b === "function" ? b() : b);

/** A real calendar day written 2026-03-01, from `from` to `to` (both included; `to` may be "today"). */
export function calendarDate(message: string, { from = FIRST_DAY, to = LAST_DAY }: { from?: Bound; to?: Bound } = {}) {
  return z
    .string({ error: message })
    .regex(DAY, message)
    .refine(isCalendarDay, message)
    .refine((day) => day >= bound(from) && day <= bound(to), message);
}

/** An optional calendar day; an empty field means none. */
export function optionalDate(message: string = t.validation.date, range?: { from?: Bound; to?: Bound }) {
  return z.preprocess((v) => (v === "" || v == null ? undefined : v), calendarDate(message, range).optional());
}

/** A `datetime-local` value (2026-03-01T19:30) naming a real minute of a real day in the app's years. */
export function isLocalMinute(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return false;
  const [, day, hour, minute] = match;
  return isCalendarDay(day) && day >= FIRST_DAY && day <= LAST_DAY && Number(hour) < 24 && Number(minute) < 60;
}

/** A month as 2026-11, in the app's years. */
export const yearMonth = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/);

/** A quarter as 2026-Q4, in the app's years. */
export const yearQuarter = z.string().regex(/^(20\d\d|2100)-Q[1-4]$/);

/** An HTML checkbox: present ("on") or absent. */
/**
 * An optional file (a photo, a doctor's note, minutes): browsers send an empty File when nothing was chosen.
 * Never required; checked again by its first bytes on the server (lib/uploads.ts readUpload).
 */
export const optionalFile = z.preprocess(
  (v) => (v instanceof File && v.size === 0 ? undefined : v),
  z.instanceof(File).optional(),
);

/** An endpoint that takes nothing but who is calling (the notices read at once, a confirmation). */
export const noInput = z.object({});

export const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: t.validation.choice });

/**
 * Several picks from a form: checkboxes named `<prefix>.<value>` (form data keeps one value per name), or an array
 * from JSON. Gathered into `key` before parsing.
 */
export const gather = (prefix: string, key: string) => (raw: unknown) => {
  if (!raw || typeof raw !== "object" || key in raw) return raw;
  const entries = Object.entries(raw as Record<string, unknown>);
  const ids = entries
    .filter(([k, v]) => k.startsWith(`${prefix}.`) && (v === "on" || v === true))
    .map(([k]) => k.slice(prefix.length + 1));
  return { ...Object.fromEntries(entries.filter(([k]) => !k.startsWith(`${prefix}.`))), [key]: ids };
};
