import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import type { JWT } from "next-auth/jwt";
import { type NextRequestWithAuth, withAuth } from "next-auth/middleware";
import { authOptions } from "@/auth";
import { getDb } from "@/db";
import { acknowledgedVersion } from "@/db/queries/privacy";
import { env } from "@/env";
import { refuseActionRequest } from "@/lib/action-guard";
import { PRIVACY_VERSION } from "@/lib/privacy";
import { newNonce, pagePolicy } from "@/lib/security-headers";
import { decode, renewedCookie, SESSION_COOKIES } from "@/lib/server/session-token";
import { needsTouch, sessionEnded } from "@/lib/session-policy";
import { SHARED_PAGE, SHARED_PAGE_HEADER } from "@/lib/shared-page";

/**
 * Sends signed-out visitors to the sign-in page; every real permission check is in the data layer
 * (docs/architecture.md#scope), and API routes answer 401 themselves. A token emptied by the session callback (a
 * disabled
 * account, a changed password) or past its idle or absolute limit (lib/session-policy.ts) counts as signed
 * out. For every page it lets through it also sets the per-request headers: a CSP with a fresh nonce and the
 * Permissions-Policy of that path; and it writes the time of this visit back into the session cookie, which
 * is how the idle limit sees activity (a server component cannot set cookies). A page kept for everyone on
 * the phone (lib/shared-page.ts) is rendered as if signed out, whoever asks for it.
 */
const PUBLIC = /^\/(activate|offline|privacy|about|feedback)(\/|$)/;
/**
 * The check-in address in the QR code: its page sends a signed-out visitor to sign in itself, after sealing
 * the time of the scan (lib/checkin-seal.ts), so that a slow sign-in does not make the code expire.
 */
const SCAN = /^\/c\/[^/]+$/;
/** Where an admin whose admin rights wait for a second factor may still go (db/queries/totp.ts). */
const ENROL = /^\/(me|login|activate|offline|privacy|about|feedback)(\/|$)/;
/**
 * Pages open before the privacy notice of the current version is acknowledged (lib/privacy.ts): the notice
 * itself, what it links to, and the check-in's landing (a scan is finished first; the next page asks).
 */
const NOTICE_FREE = /^\/(privacy|about|feedback|login|activate|offline|c|me\/two-factor)(\/|$)/;

const authProxy = withAuth(
  async function pageProxy(req: NextRequestWithAuth) {
    if (req.nextauth.token?.scope?.mustEnrol && !ENROL.test(req.nextUrl.pathname))
      return NextResponse.redirect(new URL("/me/two-factor", req.url));
    if (await noticeDue(req)) {
      const notice = new URL("/privacy", req.url);
      notice.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
      return NextResponse.redirect(notice);
    }
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
    const renewed = shared ? null : await renewSession(req);
    // The page reads the renewed cookie, so it does not re-read the account the proxy has just re-read.
    if (renewed) headers.set("cookie", replaceCookie(req.headers.get("cookie") ?? "", renewed.name, renewed.value));
    const res = NextResponse.next({ request: { headers } });
    res.headers.set("Content-Security-Policy", policy);
    if (renewed) res.headers.append("Set-Cookie", renewed.header);
    return res;
  },
  {
    pages: { signIn: "/login" },
    secret: env.AUTH_SECRET,
    // next-auth's decode with the derived key kept, not derived again for every page (lib/server/session-token.ts).
    jwt: { decode },
    callbacks: {
      authorized: ({ req, token }) =>
        PUBLIC.test(req.nextUrl.pathname) || SCAN.test(req.nextUrl.pathname) || (Boolean(token?.uid) && !ended(token)),
    },
  },
);

/** A server action Next would answer with a 500 is refused first (lib/action-guard.ts), signed in or not. */
export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  return (await refuseActionRequest(req)) ?? authProxy(req as NextRequestWithAuth, event);
}

/**
 * A page visit by someone who has not acknowledged the current privacy notice. The token says what was
 * acknowledged at its last re-read; only when that is behind is the database asked, so the acknowledgement
 * counts from the very next page and everyone else costs nothing.
 */
async function noticeDue(req: NextRequestWithAuth): Promise<boolean> {
  const token = req.nextauth.token;
  if (req.method !== "GET" || !token?.uid || (token.pv ?? 0) >= PRIVACY_VERSION) return false;
  if (NOTICE_FREE.test(req.nextUrl.pathname) || SHARED_PAGE.test(req.nextUrl.pathname)) return false;
  return (await acknowledgedVersion(await getDb(), token.uid)) < PRIVACY_VERSION;
}

function ended(token: JWT | null): boolean {
  return Boolean(token?.scope && sessionEnded(token, token.scope, Date.now()));
}

/**
 * At most once a minute per session: the jwt callback of auth.ts (the account re-read when due, the time of
 * this visit) written back into the cookie. Without it every page would re-read the account once the
 * token's minute is up, since a server component cannot renew the cookie. A session the re-read ends is left
 * to the page, which finds it ended too and sends the person to sign in.
 */
async function renewSession(req: NextRequestWithAuth): Promise<{ name: string; value: string; header: string } | null> {
  const token = req.nextauth.token;
  const now = Date.now();
  if (!token?.uid || ended(token) || !needsTouch(token, now)) return null;
  // A chunked cookie (a token over 4 KB) is left alone; it then ends at its idle limit despite activity.
  const name = SESSION_COOKIES.find((c) => req.cookies.has(c));
  if (!name) return null;
  const fresh = await authOptions.callbacks!.jwt!({ token } as Parameters<
    NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>
  >[0]);
  if (!fresh.uid) return null;
  return renewedCookie(name, fresh);
}

function replaceCookie(header: string, name: string, value: string): string {
  const others = header
    .split(";")
    .map((c) => c.trim())
    .filter((c) => c && !c.startsWith(`${name}=`));
  return [...others, `${name}=${value}`].join("; ");
}

export const config = {
  // API routes answer for themselves; static files and the service worker (which must install for a
  // signed-out visitor too) need neither a session nor a nonce, and neither does the static start page
  // /today (its JSON read answers 401 itself). /login is skipped by withAuth itself.
  matcher: [
    "/((?!api/|today$|_next/static|_next/image|_pwa/|favicon|icons/|manifest|sw\\.js|workbox-|fallback-|worker-|swe-worker-).*)",
  ],
};
