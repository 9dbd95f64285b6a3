import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { type Failure, failureStatus } from "@/lib/errors";

/**
 * Every endpoint a browser or a script can reach, found from the file system so that a new one cannot be
 * forgotten by the tests that walk them all (scope-matrix, bad-input): each export of a "use server" file
 * (those wrapped by lib/server/action.ts, and any that is not — a bare action is itself a finding), and each
 * method exported by a route handler under app/api/v1.
 */
export interface Endpoint {
  /** `app/(member)/leave/actions.ts#withdrawLeaveAction` or `app/api/v1/checkins/route.ts#POST`. */
  key: string;
  file: string;
  name: string;
  kind: "action" | "public-action" | "bare-action" | "route";
}

const root = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(d.name) ? [full] : [];
  });
}

export function discoverEndpoints(): Endpoint[] {
  const found: Endpoint[] = [];
  for (const full of walk(path.join(root, "app"))) {
    const file = path.relative(root, full).split(path.sep).join("/");
    const text = readFileSync(full, "utf8");
    if (/^\s*["']use server["']/.test(text)) {
      for (const m of text.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(\w+)(\s*=\s*(action)\b)?/g)) {
        const statement = text.slice(m.index, text.indexOf("\nexport", m.index + 1) >>> 0);
        const kind = !m[3] ? "bare-action" : /signedOut:\s*true/.test(statement) ? "public-action" : "action";
        found.push({ key: `${file}#${m[1]}`, file, name: m[1], kind });
      }
    }
    if (file.startsWith("app/api/v1/") && /\/route\.tsx?$/.test(file)) {
      const methods = new Set<string>();
      for (const m of text.matchAll(
        /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g,
      ))
        methods.add(m[1]);
      for (const m of text.matchAll(/export\s*\{([^}]*)\}/g))
        for (const a of m[1].matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(a[1]);
      for (const name of methods) found.push({ key: `${file}#${name}`, file, name, kind: "route" });
    }
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** What a route handler is sent: path parameters, query, and a JSON or multipart body. */
export interface RouteInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  form?: FormData;
  /** Raw text as the body, for bytes that are not JSON at all. */
  raw?: string;
}

export interface Answer {
  status: number;
  /** The JSON answer when there is one (every refusal is JSON). */
  body: { ok?: boolean; code?: string; error?: string } | null;
}

const sameSite = { origin: "http://localhost:3000", host: "localhost:3000" };

/** Calls one endpoint as the test's current session: an action with its input, a route with a Request. */
export async function callEndpoint(endpoint: Endpoint, input: unknown): Promise<Answer> {
  const mod = (await import(/* @vite-ignore */ path.join(root, endpoint.file))) as Record<string, unknown>;
  const fn = mod[endpoint.name] as (...args: unknown[]) => Promise<unknown>;
  if (endpoint.kind !== "route") {
    const result = (await fn(null, input)) as { ok: true } | Failure;
    return { status: result.ok ? 200 : failureStatus(result), body: result as Answer["body"] };
  }
  const { params = {}, query = {}, body, form, raw } = (input ?? {}) as RouteInput;
  const url = new URL(`http://localhost:3000/${endpoint.file.replace(/^app\//, "").replace(/\/route\.tsx?$/, "")}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
  const write = endpoint.name !== "GET" && endpoint.name !== "HEAD";
  const init: RequestInit = { method: endpoint.name, headers: write ? { ...sameSite } : {} };
  if (write && form) init.body = form;
  else if (write) {
    init.body = raw ?? JSON.stringify(body ?? {});
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  const stringParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = (await fn(new Request(url, init), { params: Promise.resolve(stringParams) })) as Response;
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    body: type.includes("application/json") && response.status !== 200 ? await response.json() : null,
  };
}

/**
 * One fingerprint of every row of every table the app writes, except the two that a refusal itself writes
 * to (the audit log records denials; login attempts are not reachable from here): equal before and after
 * means nothing was written.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = rows<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('audit_log', 'login_attempts') order by table_name`),
  ).map((r) => r.name);
  const parts = tables.map(
    (t) =>
      `select '${t}' as name, md5(coalesce(string_agg(md5(x::text), ',' order by md5(x::text)), '')) as sum from "${t}" x`,
  );
  return Object.fromEntries(
    rows<{ name: string; sum: string }>(await db.execute(sql.raw(parts.join(" union all ")))).map((r) => [
      r.name,
      r.sum,
    ]),
  );
}

/** Tables whose fingerprint moved between two readings. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);

// PGlite's drizzle answers { rows }, postgres.js an array.
function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
