import { encode, type JWT } from "next-auth/jwt";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { env } from "@/env";
import { pagePolicy, newNonce } from "@/lib/security-headers";
import { needsTouch, sessionEnded, SESSION_MAX_AGE_S } from "@/lib/session-policy";
import { SHARED_PAGE, SHARED_PAGE_HEADER } from "@/lib/shared-page";

/**
 * Sends signed-out visitors to the sign-in page; every real permission check is in the data layer
 * (DESIGN.md §2), and API routes answer 401 themselves. A token emptied by the session callback (a disabled
 * account, a changed password) or past its idle or absolute limit (lib/session-policy.ts) counts as signed
 * out. For every page it lets through it also sets the per-request headers: a CSP with a fresh nonce and the
 * Permissions-Policy of that path; and it writes the time of this visit back into the session cookie, which
 * is how the idle limit sees activity (a server component cannot set cookies). A page kept for everyone on
 * the phone (lib/shared-page.ts) is rendered as if signed out, whoever asks for it.
 */
const PUBLIC = /^\/(activate|offline)(\/|$)/;
/** Where an admin whose admin rights wait for a second factor may still go (db/queries/totp.ts). */
const ENROL = /^\/(me|login|activate|offline)(\/|$)/;

export default withAuth(
  async function proxy(req: NextRequestWithAuth) {
    if (req.nextauth.token?.scope?.mustEnrol && !ENROL.test(req.nextUrl.pathname)) return NextResponse.redirect(new URL("/me/two-factor", req.url));
    const nonce = newNonce();
    const policy = pagePolicy(nonce, env.NODE_ENV === "development");
    const headers = new Headers(req.headers);
    headers.set("Content-Security-Policy", policy); // Next reads the nonce for its own scripts from here
    const shared = SHARED_PAGE.test(req.nextUrl.pathname);
    headers.delete(SHARED_PAGE_HEADER);
    if (shared) {
      headers.delete("cookie");
      headers.set(SHARED_PAGE_HEADER, "1");
    }
    const res = NextResponse.next({ request: { headers } });
    res.headers.set("Content-Security-Policy", policy);
    if (!shared) await touchSession(req, res);
    return res;
  },
  {
    pages: { signIn: "/login" },
    secret: env.AUTH_SECRET,
    callbacks: {
      authorized: ({ req, token }) => PUBLIC.test(req.nextUrl.pathname) || (Boolean(token?.uid) && !ended(token)),
    },
  },
);

function ended(token: JWT | null): boolean {
  return Boolean(token?.scope && sessionEnded(token, token.scope, Date.now()));
}

const COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function touchSession(req: NextRequestWithAuth, res: NextResponse) {
  const token = req.nextauth.token;
  const now = Date.now();
  if (!token?.uid || ended(token) || !needsTouch(token, now)) return;
  // A chunked cookie (a token over 4 KB) is left alone; it then ends at its idle limit despite activity.
  const name = COOKIES.find((c) => req.cookies.has(c));
  if (!name) return;
  const value = await encode({ token: { ...token, seen: now }, secret: env.AUTH_SECRET, maxAge: SESSION_MAX_AGE_S });
  res.cookies.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_S });
}

export const config = {
  // API routes answer for themselves; static files and the service worker (which must install for a
  // signed-out visitor too) need neither a session nor a nonce. /login is skipped by withAuth itself.
  matcher: ["/((?!api/|_next/static|_next/image|_pwa/|favicon|icons/|manifest|sw\\.js|workbox-|fallback-|worker-|swe-worker-).*)"],
};
