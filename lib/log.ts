/**
 * The one way the server writes an unexpected error to its log (docs/security.md: personal data in logs
 * masked). What a developer needs — the error's kind, message, SQLSTATE and where it was thrown — without
 * what a person typed: a failing query's parameters are dropped, and phone numbers and ID-card numbers
 * left in any message are masked.
 */
export function logError(context: string, error: unknown): void {
  console.error(`[${context}] ${describe(error)}`);
}

export function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) {
      const code = (e as { code?: unknown }).code;
      // drizzle puts the whole query and its parameters into the message: keep the statement, drop the rest.
      const message = e.message.replace(/\nparams:[\s\S]*$/, "").slice(0, 2000);
      parts.push(`${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${mask(message)}`);
      if (depth === 0 && e.stack)
        parts.push(
          e.stack
            .split("\n")
            .filter((line) => line.trimStart().startsWith("at "))
            .slice(0, 5)
            .join("\n"),
        );
    } else {
      parts.push(mask(String(e)).slice(0, 500));
    }
  }
  return parts.join("\n  caused by ");
}

/** 13812345678 → 138****5678; an 18-character ID-card number keeps its first 6 and last 4. */
export function mask(text: string): string {
  return text
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, "$1****$2")
    .replace(/(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])/g, "$1********$2");
}
