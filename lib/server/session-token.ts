import "server-only";
import { hkdf } from "@panva/hkdf";
import { jwtDecrypt } from "jose";
import type { Session } from "next-auth";
import { getToken, type JWT } from "next-auth/jwt";
import { authOptions } from "@/auth";
import { getDb } from "@/db";
import { env } from "@/env";
import { AppError } from "../errors";
import type { Ctx } from "./action";
import type { Incoming } from "./route";

/**
 * The session of a hot API route (the check-in burst, docs/scaling.md): an endpoint's `session: "token"`.
 *
 * The same session as getServerSession — the same cookie, read by next-auth's own getToken, and the same
 * jwt and session callbacks of auth.ts, so a disabled account or a changed role ends it within 60 s just the
 * same — without what getServerSession does around it for every request: next-auth's request handling (a
 * CSRF token, callback-url cookies), a second key derivation, and re-encrypting the token to re-issue the
 * cookie. Measured on the check-in endpoint that was about half of its CPU. What is given up: an API call
 * does not roll the cookie's expiry forward (every page still does), and a session older than 60 s is
 * re-read on each such call rather than once.
 */
export async function requireTokenContext(request: Pick<Incoming, "header">): Promise<Ctx> {
  const user = await sessionFromCookies(request.header("cookie"));
  if (!user) throw new AppError("unauthenticated");
  return { db: await getDb(), scope: user.scope };
}

/**
 * The signed-in person of a Cookie header, or null: the same session as above, for pages too (lib/server/session.ts),
 * where getServerSession would also re-encrypt a cookie that a server component cannot set.
 */
export async function sessionFromCookies(header: string | null): Promise<NonNullable<Session["user"]> | null> {
  const jar = parseCookies(header);
  const secure = [...jar.keys()].some((name) => name.startsWith("__Secure-next-auth.session-token"));
  // The cookie only, as getServerSession: no Authorization header.
  const req = { cookies: jar, headers: {} };
  const token = await getToken({
    req: req as unknown as Parameters<typeof getToken>[0]["req"],
    secret: env.AUTH_SECRET,
    secureCookie: secure,
    decode,
  });
  if (!token) return null;
  const { jwt, session } = authOptions.callbacks!;
  const checked = await jwt!({ token } as Parameters<NonNullable<typeof jwt>>[0]);
  const result = (await session!({ session: { expires: "" }, token: checked } as Parameters<
    NonNullable<typeof session>
  >[0])) as Session;
  return result.user?.scope ? result.user : null;
}

/** A Cookie header as name → value (next-auth's SessionStore takes a Map and joins chunked tokens itself). */
function parseCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    const value = pair.slice(at + 1).trim();
    try {
      jar.set(pair.slice(0, at).trim(), decodeURIComponent(value));
    } catch {
      jar.set(pair.slice(0, at).trim(), value);
    }
  }
  return jar;
}

const keys = new Map<string, Promise<Uint8Array>>();

/**
 * next-auth v4's own decode (next-auth/jwt: HKDF-SHA256 of the secret, then jose's jwtDecrypt with the
 * same clock tolerance), keeping the derived key instead of deriving it again for every request.
 */
export async function decode({
  token,
  secret,
  salt = "",
}: {
  token?: string;
  secret: string | Buffer;
  salt?: string;
}): Promise<JWT | null> {
  if (!token) return null;
  const id = `${salt}\0${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    key = hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32);
    keys.set(id, key);
  }
  const { payload } = await jwtDecrypt(token, await key, { clockTolerance: 15 });
  return payload as JWT;
}
