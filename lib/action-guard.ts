import { errors } from "./messages/errors";
import { ACTION_BODY_LIMIT_BYTES } from "./upload-limit";

/**
 * What Next 16 answers with a 500 although the request is at fault (its action handler: a foreign or malformed
 * Origin is "Invalid Server Actions request." with status 500 — vercel/next.js#92703 — and a body it cannot
 * decode, or one over `bodySizeLimit`, is thrown as a 500 as well), refused here in proxy.ts before Next's
 * handler runs, with a 4xx. The answer is `text/plain`: Next's client then rejects the action with this text
 * as the error's message, which components/ui/action-form.tsx and app/error.tsx show.
 *
 * A POST reaching proxy.ts is a page's server action (route handlers under /api are not matched and check
 * their Origin themselves, lib/endpoint.ts). A request with no Origin is let through, as Next does: browsers
 * send one with every POST, and a hand-made request without it carries no one else's cookies.
 */
export async function refuseActionRequest(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  if (origin !== null && !sameHost(origin, request.headers.get("x-forwarded-host") ?? request.headers.get("host"))) {
    return refusal(403, errors.badOrigin);
  }
  if (!request.headers.has("next-action")) return null;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT_BYTES) return refusal(413, errors.tooLarge);
  return (await readableArguments(request)) ? null : refusal(400, errors.bad_request);
}

function sameHost(origin: string, host: string | null): boolean {
  const url = URL.parse(origin);
  return Boolean(url && host && url.host === host);
}

/**
 * React encodes an action's arguments as a JSON array: the whole body, or the field "0" of a multipart body
 * whose other fields hold the files and form values it refers to.
 */
async function readableArguments(request: Request): Promise<boolean> {
  const copy = request.clone();
  try {
    if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
      const root = (await copy.formData()).get("0");
      return typeof root === "string" && Array.isArray(JSON.parse(root));
    }
    return Array.isArray(JSON.parse(await copy.text()));
  } catch {
    return false;
  }
}

function refusal(status: number, message: string): Response {
  // Exactly "text/plain", no charset: the only type whose text Next's client passes on (server-action-reducer).
  return new Response(message, { status, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
