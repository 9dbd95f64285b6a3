import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { AppError, failureStatus, toFailure } from "../errors";
import type { AuditAction } from "../messages/audit";
import { errors } from "../messages/errors";
import { OWNER_HEADER, ownerMatches } from "../outbox-owner";
import { fixedHeaders } from "../security-headers";
import { ACTION_BODY_LIMIT_BYTES } from "../upload-limit";
import { type ActionResult, type Ctx, execute } from "./action";
import { replicaFor, wroteCookie } from "./read-db";
import { requireContext } from "./session";
import { requireTokenContext } from "./session-token";

/**
 * The one way to define an endpoint under /api/v1 (the target of offline queues, scripts and downloads): what
 * it is called, what it takes, how the body comes, what it answers and whose session it reads. From one
 * definition come Next's route handler (`endpoint`) and, for the check-in a whole county sends within minutes,
 * a node:http handler that server.mjs calls before Next's router (`nodeEndpoint`, docs/scaling.md). Both go
 * the same path as server actions (lib/server/action.ts `execute`): Origin check for writes → parse (path, query and
 * body merged) → session → run → answer, and every refusal is the same JSON body, built here only.
 */
export interface Definition<S extends z.ZodType, A extends AnswerKind, K extends SessionKind> {
  name: AuditAction;
  input: S;
  /** Query and path parameters are always read; a write also reads a body. `json` unless said otherwise. */
  body?: BodyKind;
  /** `json` unless said otherwise. */
  answer?: A;
  /** `cookie` (getServerSession) unless said otherwise. */
  session?: K;
  /** `replica`: a read that may be a moment behind (reports, live counts), from the hot standby if any. */
  reads?: "replica";
  /** The call counts as the person's visit and renews their session cookie as a page does (`token` only). */
  renews?: true;
  run: (input: z.output<S>, ctx: ContextOf<K>) => Promise<AnswerOf<A>>;
}

/** `json-or-multipart`: a form with a file sends multipart, an outbox replays the same fields as JSON. */
export type BodyKind = "json" | "json-or-multipart";
export type AnswerKind = "json" | "file" | "xlsx";
/**
 * `cookie`: next-auth's getServerSession; `token`: the same session read straight from the cookie, which needs
 * nothing of Next's request scope (lib/server/session-token.ts); `none`: no session (a blank template).
 */
export type SessionKind = "cookie" | "token" | "none";

/** A stored file: shown inline and sandboxed, or with `download` saved under that name. */
export type StoredFile = { mime: string; bytes: Uint8Array; download?: string };
export type Workbook = { body: ArrayBuffer | Uint8Array; name: string };
type AnswerOf<A extends AnswerKind> = A extends "file" ? StoredFile : A extends "xlsx" ? Workbook : unknown;
type ContextOf<K extends SessionKind> = K extends "none" ? Record<string, never> : Ctx;

type Params = Record<string, string | string[]>;
type NextHandler = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** What an endpoint reads of a request, whether it came through Next's router or straight from node:http. */
export interface Incoming {
  method: string;
  url: string;
  header(name: string): string | null;
  /** The body's text; undefined when it is larger than an endpoint takes. */
  text(): Promise<string | undefined>;
  /** A multipart body; null when it cannot be read. Only through Next's router. */
  form?(): Promise<FormData | null>;
}

/** Next's route handler of a definition. */
export function endpoint<S extends z.ZodType, A extends AnswerKind = "json", K extends SessionKind = "cookie">(
  def: Definition<S, A, K>,
): NextHandler {
  return async (request, context) => toResponse(await answer(def, webIncoming(request), (await context?.params) ?? {}));
}

/**
 * The same endpoint as a node:http handler. Only for JSON in and out with the `token` session: the others need
 * Next's request scope, which server.mjs's path does not have.
 */
export function nodeEndpoint<S extends z.ZodType>(def: Definition<S, "json", "token">): NodeHandler {
  return (request, response, params = {}) => {
    void answer(def, nodeIncoming(request), params).then(({ status, headers, cookies, body }) => {
      response.writeHead(status, {
        ...NODE_HEADERS,
        ...headers,
        ...(cookies.length ? { "Set-Cookie": cookies } : {}),
        "Content-Length": Buffer.byteLength(body),
      });
      response.end(body);
    });
  };
}

/** A node:http handler; `params` are the path's parameters, matched by server.mjs. */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse, params?: Params) => void;

interface Answer {
  status: number;
  headers: Record<string, string>;
  /** Set-Cookie headers: the renewed session, the replica's "just wrote" mark (lib/server/read-db.ts). */
  cookies: string[];
  body: string | Uint8Array;
}

async function answer<S extends z.ZodType, A extends AnswerKind, K extends SessionKind>(
  def: Definition<S, A, K>,
  request: Incoming,
  params: Params,
): Promise<Answer> {
  const cookies: string[] = [];
  const result = await settle(def, request, params, (cookie) => cookies.push(cookie));
  if (!result.ok) return json(result);
  const wrote = request.method !== "GET" && request.method !== "HEAD" ? wroteCookie() : null;
  if (wrote) cookies.push(wrote);
  return { ...(await ok(def, result)), cookies };
}

async function ok<S extends z.ZodType, A extends AnswerKind, K extends SessionKind>(
  def: Definition<S, A, K>,
  result: ActionResult<AnswerOf<A>> & { ok: true },
): Promise<Answer> {
  const kind: AnswerKind = def.answer ?? "json";
  if (kind === "json") return json(result);
  if (kind === "xlsx") {
    const { body, name } = result.data as Workbook;
    return file({ mime: XLSX, bytes: new Uint8Array(body), download: name });
  }
  return file(result.data as StoredFile);
}

async function settle<S extends z.ZodType, A extends AnswerKind, K extends SessionKind>(
  def: Definition<S, A, K>,
  request: Incoming,
  params: Params,
  setCookie: (cookie: string) => void,
): Promise<ActionResult<AnswerOf<A>>> {
  const write = request.method !== "GET" && request.method !== "HEAD";
  if (write && !sameOrigin(request)) return toFailure(new AppError("forbidden", errors.badOrigin));
  const body = write ? await readBody(request, def.body ?? "json") : {};
  if (body instanceof AppError) return toFailure(body);
  const raw = { ...Object.fromEntries(new URL(request.url, "http://x").searchParams), ...body, ...params };
  const session = def.session ?? "cookie";
  const base = (
    session === "none"
      ? async () => ({})
      : session === "token"
        ? () => requireTokenContext(request, def.renews && setCookie)
        : requireContext
  ) as () => Promise<ContextOf<K>>;
  const context = def.reads === "replica" && session !== "none" ? fromReplica(base, request) : base;
  return execute(def.name, def.input, owned(request.header(OWNER_HEADER), def.run), raw, context);
}

/** The context with the replica as its db, unless this caller wrote a moment ago (lib/server/read-db.ts). */
function fromReplica<C>(base: () => Promise<C>, request: Incoming): () => Promise<C> {
  return async () => {
    const ctx = (await base()) as C & Ctx;
    const replica = await replicaFor(request.header("cookie"));
    return replica ? { ...ctx, db: replica, primary: ctx.db } : ctx;
  };
}

/**
 * A write queued on a phone names whose it is (lib/outbox-owner.ts): filed for anyone else's session it is
 * refused, a 403 that the outbox shows and never retries. Checked inside `run`, so the refusal is audited.
 */
function owned<I, C, T>(owner: string | null, run: (input: I, ctx: C) => Promise<T>): (input: I, ctx: C) => Promise<T> {
  if (owner === null) return run;
  return async (input, ctx) => {
    const userId = (ctx as { scope?: { userId: number } }).scope?.userId;
    if (userId === undefined || !ownerMatches(owner, userId)) throw new AppError("forbidden", errors.notOwner);
    return run(input, ctx);
  };
}

async function readBody(request: Incoming, kind: BodyKind): Promise<Record<string, unknown> | AppError> {
  if (kind === "json-or-multipart" && request.header("content-type")?.startsWith("multipart/form-data")) {
    if (Number(request.header("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES)
      return new AppError("bad_request", errors.tooLarge);
    const form = await request.form?.();
    return form ? Object.fromEntries(form) : new AppError("bad_request");
  }
  return jsonObject(await request.text()) ?? new AppError("bad_request");
}

/** The JSON answer, and the one place a refusal's body is built. */
function json(result: ActionResult<unknown>): Answer {
  return {
    status: result.ok ? 200 : failureStatus(result),
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" },
    cookies: [],
    body: JSON.stringify(result),
  };
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download is saved and not kept; a stored file shown inline may be cached but can run nothing. */
function file({ mime, bytes, download }: StoredFile): Answer {
  const headers: Record<string, string> = download
    ? {
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(download)}`,
        "Cache-Control": "private, no-store",
      }
    : {
        "Cache-Control": "private, max-age=3600",
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'",
      };
  return {
    status: 200,
    headers: { "Content-Type": mime, "X-Content-Type-Options": "nosniff", ...headers },
    cookies: [],
    body: bytes,
  };
}

function toResponse({ status, headers, cookies, body }: Answer): Response {
  const all = new Headers(headers);
  for (const cookie of cookies) all.append("Set-Cookie", cookie);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { status, headers: all });
}

/** The JSON object body, or null when it is missing, too large, malformed or not an object. */
function jsonObject(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Writes must come from this app's own pages (docs/security.md): the Origin header names our host. */
export function sameOrigin(request: Pick<Incoming, "header">): boolean {
  const origin = request.header("origin");
  const host = request.header("x-forwarded-host") ?? request.header("host");
  const url = origin ? URL.parse(origin) : null;
  return Boolean(url && host && url.host === host);
}

/** A JSON body this large is not a request of ours. */
const MAX_BODY = 64 * 1024;

function webIncoming(request: Request): Incoming {
  return {
    method: request.method,
    url: request.url,
    header: (name) => request.headers.get(name),
    text: async () => {
      const text = await request.text();
      return text.length > MAX_BODY ? undefined : text;
    },
    form: () => request.formData().catch(() => null),
  };
}

function nodeIncoming(request: IncomingMessage): Incoming {
  return {
    method: request.method ?? "GET",
    url: request.url ?? "/",
    header: (name) => {
      const value = request.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    text: () =>
      new Promise((resolve) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY) chunks.push(chunk);
        });
        request.on("end", () => resolve(size <= MAX_BODY ? Buffer.concat(chunks).toString("utf8") : undefined));
        request.on("error", () => resolve(undefined));
      }),
  };
}

/** What next.config.ts's headers() puts on every response, for the responses Next does not write. */
const NODE_HEADERS = {
  ...Object.fromEntries(fixedHeaders(true).map((h) => [h.key, h.value])),
  "Cache-Control": "private, no-store",
};
