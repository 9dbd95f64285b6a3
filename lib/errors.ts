import { logError } from "./log";
import { errors } from "./messages/errors";

export type ErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited";

const status: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/**
 * The one error the app shows to a person: a code that maps to an HTTP status and a message in Chinese.
 * Anything else that is thrown is logged and shown as the generic "系统繁忙" (docs/architecture.md#conventions).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errors[code],
    /** Per-field messages for forms, keyed by input name. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return status[this.code];
  }
}

export type Failure = { ok: false; code: ErrorCode | "internal"; error: string; fields?: Record<string, string> };

/** Turns whatever was thrown into what the person may see; unexpected errors are logged, never shown. */
export function toFailure(error: unknown): Failure {
  if (error instanceof AppError) return { ok: false, code: error.code, error: error.message, fields: error.fields };
  // Two people saving the same thing at once: the database's unique constraint decides, the person retries.
  if (pgCode(error) === "23505") return { ok: false, code: "conflict", error: errors.conflict };
  logError("unexpected", error);
  return { ok: false, code: "internal", error: errors.internal };
}

export function failureStatus(failure: Failure): number {
  return failure.code === "internal" ? 500 : status[failure.code];
}

/** The PostgreSQL SQLSTATE of an error from either driver, also when drizzle wraps it. */
function pgCode(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
