/**
 * Every field of an endpoint's input made bad in the three ways that once reached the database and answered
 * 500: a NUL (PostgreSQL cannot store it in text), a loose type (`[3]`, `true` where a number belongs) and a
 * day that is not one (2026-02-30, year 9999 or 0001, 1999 before any points rule). Parsing comes before the
 * session and the scope, so each must be refused as bad input (400) whoever calls.
 */
export interface Mutation {
  label: string;
  input: unknown;
}

type Path = (string | number)[];

/** Never stored as text (only their hash is), or any value is valid (checkboxes): nothing to refuse. */
const exempt = (key: string, value: unknown) =>
  /^(password|confirm|current)$/.test(key) || typeof value === "boolean" || value === "on";

const DATE = /^\d{4}-\d{2}-\d{2}/;

function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value instanceof Blob) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

function replaced(base: unknown, path: Path, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(base) ? [...base] : { ...(base as Record<string, unknown>) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaced(copy[head], rest, value);
  return copy;
}

/**
 * The bad variants of one input. `strings` lists the parts of the input that arrive as text whatever was sent
 * (a route's path and query): they get NULs and bad days, but no loose types.
 */
export function badFields(
  base: unknown,
  { strings = [], lenient = [] }: { strings?: string[]; lenient?: string[] } = {},
): Mutation[] {
  const out: Mutation[] = [];
  for (const { path, value } of leaves(base)) {
    const key = String(path.filter((p) => typeof p === "string").at(-1) ?? "");
    if (exempt(key, value) || lenient.includes(key) || value === null || value === undefined) continue;
    const at = (label: string, bad: unknown) =>
      out.push({ label: `${path.join(".")} ${label}`, input: replaced(base, path, bad) });
    const text = String(value);
    at("with a NUL", `${text}\u0000`);
    at("as a NUL", "\u0000");
    if (!strings.includes(String(path[0])) && (typeof value === "number" || /^\d+$/.test(text))) {
      at("as [n]", [value]);
      at("as true", true);
    }
    if (typeof value === "string" && DATE.test(value)) {
      for (const day of [
        "2026-02-30",
        "2027-02-29",
        "9999-01-01",
        "0001-01-01",
        // A member's joining or status event may well lie before 2000.
        ...(key === "joinedOn" || key === "effectiveOn" ? [] : ["1999-01-01"]),
      ]) {
        at(`on ${day}`, value.replace(DATE, day));
      }
    }
  }
  return out;
}
