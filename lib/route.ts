import type { z } from "zod";
import { execute, type Ctx } from "./action";
import { AppError, failureStatus, toFailure } from "./errors";
import { t } from "./messages";

type Params = Promise<Record<string, string | string[]>>;

/**
 * A versioned route handler under /api/v1 (the target of offline queues and scripts), on the same path as
 * server actions: Origin check for writes → parse (path params, query and JSON body merged) → session →
 * run → JSON answer with the status of the error code. `options.context` replaces how the session is read
 * (the check-in burst reads it with lib/session-token.ts).
 */
export function route<S extends z.ZodType, T>(name: string, schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<T>, options: { context?: () => Promise<Ctx> } = {}) {
  return async (request: Request, context: { params: Params }): Promise<Response> => {
    const write = request.method !== "GET" && request.method !== "HEAD";
    if (write && !sameOrigin(request)) return json(toFailure(new AppError("forbidden", t.errors.badOrigin)));
    const body = write ? await readJson(request) : {};
    if (!body) return json(toFailure(new AppError("bad_request")));
    const raw = { ...Object.fromEntries(new URL(request.url).searchParams), ...body, ...(await context.params) };
    return json(await execute(name, schema, run, raw, options.context));
  };
}

function json(result: { ok: boolean } & object): Response {
  const status = result.ok ? 200 : failureStatus(result as Parameters<typeof failureStatus>[0]);
  return Response.json(result, { status, headers: { "Cache-Control": "private, no-store" } });
}

/** The JSON object body, or null when it is missing, malformed or not an object. */
async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json();
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Writes must come from this app's own pages (DESIGN.md §8): the Origin header names our host. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Like `route`, for a GET that answers with a stored file (evidence photos) instead of JSON. */
export function fileRoute<S extends z.ZodType>(name: string, schema: S, run: (input: z.output<S>, ctx: Ctx) => Promise<{ mime: string; bytes: Buffer }>) {
  return async (request: Request, context: { params: Params }): Promise<Response> => {
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
