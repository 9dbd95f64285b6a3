import "server-only";
import { hkdf } from "@panva/hkdf";
import { jwtDecrypt } from "jose";
import type { Session } from "next-auth";
import { encode, getToken, type JWT } from "next-auth/jwt";
import { authOptions } from "@/auth";
import { getDb } from "@/db";
import { env } from "@/env";
import { AppError } from "../errors";
import { needsTouch, SESSION_MAX_AGE_S } from "../session-policy";
import type { Ctx } from "./action";
import type { Incoming } from "./route";

/**
 * The session of a hot API route (the check-in burst, docs/scaling.md): an endpoint's `session: "token"`.
 *
 * The same session as getServerSession — the same cookie, read by next-auth's own getToken, and the same
 * jwt and session callbacks of auth.ts, so a disabled account or a changed role ends it within 60 s just the
 * same — without what getServerSession does around it for every request: next-auth's request handling (a
 * CSRF token, callback-url cookies), a second key derivation, and re-encrypting the token to re-issue the
 * cookie. Measured on the check-in endpoint that was about half of its CPU. An endpoint that counts as the
 * person's visit (the start page's read, the check-in) passes `renew`: it is handed the renewed cookie when
 * one is due, at most once a minute as the proxy renews it for pages; the others (a polling screen) do not
 * keep a session alive.
 */
export async function requireTokenContext(
  request: Pick<Incoming, "header">,
  renew?: (setCookie: string) => void,
): Promise<Ctx> {
  const read = await readSession(request.header("cookie"));
  if (!read) throw new AppError("unauthenticated");
  if (renew && read.renewal) renew((await renewedCookie(read.renewal.name, read.renewal.token)).header);
  return { db: await getDb(), scope: read.user.scope };
}

/**
 * The signed-in person of a Cookie header, or null: the same session as above, for pages too (lib/server/session.ts),
 * where getServerSession would also re-encrypt a cookie that a server component cannot set.
 */
export async function sessionFromCookies(header: string | null): Promise<NonNullable<Session["user"]> | null> {
  return (await readSession(header))?.user ?? null;
}

/** The two names next-auth gives the session cookie (`__Secure-` over https). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The person, and the token worth writing back into the cookie when `needsTouch` says so (the time of this
 * visit, the account's re-read). A chunked cookie (a token over 4 KB) is not renewed; it then ends at its idle
 * limit despite activity.
 */
async function readSession(header: string | null) {
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
  if (!result.user?.scope) return null;
  const name = SESSION_COOKIES.find((c) => jar.has(c));
  const renewal = name && needsTouch(token, Date.now()) ? { name, token: checked } : null;
  return { user: result.user, renewal };
}

/** A session token written into its cookie: the value, and the Set-Cookie header next-auth itself would send. */
export async function renewedCookie(
  name: string,
  token: JWT,
): Promise<{ name: string; value: string; header: string }> {
  const value = await encode({ token, secret: env.AUTH_SECRET, maxAge: SESSION_MAX_AGE_S });
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return {
    name,
    value,
    header: `${name}=${value}; Path=/; Max-Age=${SESSION_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`,
  };
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
