import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { execute, type ActionResult, type Ctx } from "./action";
import { AppError, failureStatus, toFailure } from "./errors";
import { fixedHeaders } from "./security-headers";
import { t } from "./messages";
import { OWNER_HEADER, ownerMatches } from "./outbox-owner";

type Params = Record<string, string | string[]>;

/** What a route reads of a request, whether it came through Next's router or straight from node:http. */
export interface Incoming {
  method: string;
  url: string;
  header(name: string): string | null;
  /** The body's text; undefined when it is larger than a route takes. */
  text(): Promise<string | undefined>;
}

interface Options {
  /** Replaces how the session is read (the check-in burst reads it from the cookie, lib/session-token.ts). */
  context?: (request: Incoming) => Promise<Ctx>;
}

/**
 * A versioned route handler under /api/v1 (the target of offline queues and scripts), on the same path as
 * server actions: Origin check for writes → parse (path params, query and JSON body merged) → session →
 * (the outbox item's owner is the session's person) → run → JSON answer with the status of the error code.
 */
export function route<S extends z.ZodType, T>(name: string, schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<T>, options: Options = {}) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const result = await answer(name, schema, run, options, webIncoming(request), await context.params);
    return json(result);
  };
}

/**
 * The same route as a node:http handler, for the one endpoint a whole county calls within minutes: server.mjs
 * serves it before Next's router, which costs several times the route's own work (docs/scaling.md). Only
 * for routes with a `context` that needs nothing of Next's request scope.
 */
export function nodeRoute<S extends z.ZodType, T>(name: string, schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<T>, options: Required<Options>) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    void answer(name, schema, run, options, nodeIncoming(request), {}).then((result) => {
      const body = JSON.stringify(result);
      response.writeHead(statusOf(result), { ...NODE_HEADERS, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
      response.end(body);
    });
  };
}

async function answer<S extends z.ZodType, T>(name: string, schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<T>, options: Options, request: Incoming, params: Params): Promise<ActionResult<T>> {
  const write = request.method !== "GET" && request.method !== "HEAD";
  if (write && !sameOrigin(request)) return toFailure(new AppError("forbidden", t.errors.badOrigin));
  const body = write ? jsonObject(await request.text()) : {};
  if (!body) return toFailure(new AppError("bad_request"));
  const raw = { ...Object.fromEntries(new URL(request.url, "http://x").searchParams), ...body, ...params };
  const context = options.context;
  return execute(name, schema, ownedRun(request.header(OWNER_HEADER), run), raw, context && (() => context(request)));
}

/**
 * A write queued on a phone names whose it is (lib/outbox-owner.ts): filed for anyone else's session it is
 * refused, a 403 that the outbox shows and never retries. Checked inside `run`, so the refusal is audited.
 */
export function ownedRun<I, T>(owner: string | null, run: (input: I, ctx: Ctx) => Promise<T>): (input: I, ctx: Ctx) => Promise<T> {
  return async (input, ctx) => {
    if (!ownerMatches(owner, ctx.scope.userId)) throw new AppError("forbidden", t.errors.notOwner);
    return run(input, ctx);
  };
}

function statusOf(result: ActionResult<unknown>): number {
  return result.ok ? 200 : failureStatus(result);
}

function json(result: ActionResult<unknown>): Response {
  return Response.json(result, { status: statusOf(result), headers: { "Cache-Control": "private, no-store" } });
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

/** Writes must come from this app's own pages (DESIGN.md §8): the Origin header names our host. */
export function sameOrigin(request: Request | Incoming): boolean {
  const header = request instanceof Request ? (name: string) => request.headers.get(name) : request.header;
  const origin = header("origin");
  const host = header("x-forwarded-host") ?? header("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
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
const NODE_HEADERS = { ...Object.fromEntries(fixedHeaders(true).map((h) => [h.key, h.value])), "Cache-Control": "private, no-store" };

/** Like `route`, for a GET that answers with a stored file (evidence photos) instead of JSON. */
export function fileRoute<S extends z.ZodType>(name: string, schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<{ mime: string; bytes: Buffer }>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    const raw = { ...Object.fromEntries(new URL(request.url).searchParams), ...(await context.params) };
    const result = await execute(name, schema, run, raw);
    if (!result.ok) return json(result);
    return new Response(new Uint8Array(result.data.bytes), {
      headers: {
        "Content-Type": result.data.mime,
        "Cache-Control": "private, max-age=3600",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'",
      },
    });
  };
}
