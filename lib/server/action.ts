import { cookies } from "next/headers";
import { ZodError, type z } from "zod";
import { getDb } from "@/db";
import type { Db } from "@/db/open";
import { writeAudit } from "@/db/queries/audit";
import { AppError, type Failure, toFailure } from "../errors";
import { logError } from "../log";
import { t } from "../messages";
import type { AuditAction } from "../messages/audit";
import type { Scope } from "../scope";
import { wroteCookie } from "./read-db";
import { requireContext } from "./session";

export interface Ctx {
  db: Db;
  scope: Scope;
  /** The primary, when `db` is a read replica (lib/server/read-db.ts): refusals are audited there. */
  primary?: Db;
}

export type ActionResult<T> = { ok: true; data: T } | Failure;

/**
 * Parse → authenticate → run → map errors: the one path from a request to the data layer, shared by server
 * actions (`action`) and endpoints (`lib/server/route.ts`); nothing else calls it. `run` loads, checks scope, writes
 * and audits through
 * `db/queries`. A refusal is itself audited, so probing another branch leaves a trace.
 */
export async function execute<S extends z.ZodType, T, C extends object = Ctx>(
  name: AuditAction,
  schema: S,
  run: (input: z.output<S>, ctx: C) => Promise<T>,
  raw: unknown,
  context: () => Promise<C> = requireContext as unknown as () => Promise<C>,
): Promise<ActionResult<T>> {
  const parsed = safeParse(schema, raw);
  if (!parsed.success) return toFailure(invalid(parsed.error));
  let ctx: C | undefined;
  try {
    ctx = await context();
    return { ok: true, data: await run(parsed.data, ctx) };
  } catch (error) {
    if (
      ctx &&
      "scope" in ctx &&
      error instanceof AppError &&
      (error.code === "forbidden" || error.code === "not_found")
    ) {
      const { db, primary, scope } = ctx as unknown as Ctx;
      await writeAudit(primary ?? db, {
        actorId: scope.userId,
        action: name,
        outcome: "denied",
        detail: { input: redact(raw) },
      }).catch(() => {});
    }
    return toFailure(error);
  }
}

/**
 * zod runs a refinement even after a check before it failed, so a refinement that assumes valid input (say
 * `new URL(value)` after `z.url()`) throws on hostile input instead of failing. That is still bad input: it
 * is logged for the developer and answered as a 400, never as a 500.
 */
function safeParse<S extends z.ZodType>(schema: S, raw: unknown) {
  try {
    return schema.safeParse(raw);
  } catch (error) {
    logError("validation threw", error);
    return {
      success: false as const,
      error: new ZodError([{ code: "custom", path: [], message: t.errors.bad_request, input: raw }]),
    };
  }
}

type ActionCtx<P extends boolean> = P extends true ? { db: Db } : Ctx;

/**
 * A server action for `useActionState`: `(previousState, formData) => ActionResult`. `{ signedOut: true }` is
 * for the few a signed-out person takes (activation): no session, the same parsing and answers.
 */
export function action<S extends z.ZodType, T, P extends boolean = false>(
  name: AuditAction,
  schema: S,
  run: (input: z.output<S>, ctx: ActionCtx<P>) => Promise<T>,
  options?: { signedOut: P },
) {
  const context = (options?.signedOut ? async () => ({ db: await getDb() }) : requireContext) as () => Promise<
    ActionCtx<P>
  >;
  return async (_previous: ActionResult<T> | null, input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const result = await execute(name, schema, run, input instanceof FormData ? formObject(input) : input, context);
    if (result.ok) await markWrote();
    return result;
  };
}

/** After a form's write, this person's reads go to the primary for a few seconds (lib/server/read-db.ts). */
async function markWrote(): Promise<void> {
  const cookie = wroteCookie();
  if (!cookie) return;
  const [pair, maxAge] = cookie.split("; ");
  const [name, value] = pair.split("=");
  (await cookies()).set(name, value, {
    maxAge: Number(maxAge.split("=")[1]),
    path: "/",
    httpOnly: true,
    sameSite: "lax",
  });
}

function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/**
 * A zod failure as an AppError: the first message overall, and one per field for the form. Our schemas give
 * a Chinese message for each field a person fills in; anything else (a payload of the wrong type, a nested
 * value only a script would get wrong) falls back to zod's English default, which a person must never see.
 */
export function invalid(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  const own = (message: string) => (/[\u3400-\u9fff]/.test(message) ? message : t.errors.bad_request);
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= own(issue.message);
  }
  return new AppError("bad_request", error.issues[0] ? own(error.issues[0].message) : undefined, fields);
}

const secret = /password|confirm|current|code|file/i;
function redact(raw: unknown): unknown {
  if (raw instanceof FormData) raw = formObject(raw);
  if (!raw || typeof raw !== "object") return null;
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      k,
      secret.test(k) ? "***" : typeof v === "string" ? v.slice(0, 100) : typeof v,
    ]),
  );
}
