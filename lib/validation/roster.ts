import { z } from "zod";
import { shanghaiDate } from "../community";
import { t } from "../messages";
import { checkbox, choice, id, optionalDate, personName, phone, phoneDigits, searchText } from "./fields";

/** The day the Party was founded: no one joined before it; no one joins tomorrow. */
const joinedOn = optionalDate(t.validation.joinedOn, { from: "1921-07-01", to: () => shanghaiDate(new Date()) });

/** The status fields of a member, as both the form and the import file give them. */
export const memberFields = z.object({
  name: personName,
  phone,
  gender: choice(["male", "female"]),
  category: choice(["formal", "probationary"]),
  presence: choice(["home", "away"]),
  employment: choice(["in_office", "retired"]),
  joinedOn,
});
export type MemberFields = z.output<typeof memberFields>;

export const addMemberInput = memberFields.extend({ branchId: id });
/** A number as the edit form shows it (138****1234): the member's number, left as it is. */
const keptPhone = z.string().regex(/^1\d{2}\*{4}\d{4}$/, t.validation.phone);
export const updateMemberInput = memberFields.extend({
  userId: id,
  phone: z.union([phone, keptPhone], { error: t.validation.phone }),
});
export const setMemberActiveInput = z.object({ userId: id, active: checkbox });
export const memberRef = z.object({ userId: id });

export const ROSTER_QUERY_MAX = 30;

/**
 * What was typed in the roster's search box. Too long is cut rather than refused (the box stops there
 * too), a repeated ?q= takes the first, and a number typed with full-width digits or dashes is read as
 * its digits, as the phone field reads it.
 */
const rosterSearch = z.preprocess((v) => {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first !== "string") return first;
  const typed = first.normalize("NFKC").trim().slice(0, ROSTER_QUERY_MAX);
  return /^[\d\s-]+$/.test(typed) ? phoneDigits(typed) : typed;
}, searchText(ROSTER_QUERY_MAX));

export const rosterQuery = z.object({
  branchId: id,
  q: rosterSearch,
  includeInactive: checkbox.optional(),
});

/** Chinese words accepted in an import file for each coded field. */
const words = {
  gender: { 男: "male", 女: "female" },
  category: { 正式: "formal", 正式党员: "formal", 预备: "probationary", 预备党员: "probationary" },
  presence: { 在家: "home", 外出: "away", 外出流动: "away", 流动: "away" },
  employment: { 在职: "in_office", 离退休: "retired", 退休: "retired", 离休: "retired" },
} as const;

/** The columns of an import file, by header text. */
export const importColumns = t.member.fields;
export const requiredImportColumns = ["name", "phone", "gender", "category", "presence", "employment"] as const;

const fromWord = <K extends keyof typeof words>(field: K, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? ((words[field] as Record<string, string>)[v.trim()] ?? v) : v),
    z.enum(Object.values(words[field]) as [string, ...string[]], {
      error: t.member.oneOf(label, Object.keys(words[field])),
    }),
  );

/** One row of an import file, with its cells as text. */
export const importRow = z.object({
  name: personName,
  phone,
  gender: fromWord("gender", importColumns.gender),
  category: fromWord("category", importColumns.category),
  presence: fromWord("presence", importColumns.presence),
  employment: fromWord("employment", importColumns.employment),
  joinedOn,
}) as unknown as z.ZodType<MemberFields, Record<string, string | undefined>>;

export const importInput = z.object({
  branchId: id,
  intent: z.enum(["preview", "import"]).default("preview"),
  file: z.instanceof(File, { error: t.importer.noFile }).refine((f) => f.size > 0, t.importer.noFile),
});
