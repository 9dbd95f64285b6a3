/**
 * Response headers against script injection, framing, sniffing and leaking (docs/security.md). Pure, so
 * the policy is unit-tested; proxy.ts sets the per-request ones, next.config.ts the fixed ones.
 */

/**
 * The page policy. Scripts need this request's nonce (Next puts it on its own scripts, read back from the
 * request's CSP header); 'strict-dynamic' lets those load the page's chunks. Styles allow 'unsafe-inline':
 * React writes `style` attributes (the org tree's indentation, the outbox spacer) and Next inlines critical
 * CSS, and a style can change how a page looks, not run code. The QR code is SVG markup, an image, not script.
 */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The sign-in page only. next-auth's withAuth (proxy.ts) returns before calling our proxy for its sign-in
 * page, so no nonce can reach it: its scripts are allowed inline. It shows nothing anyone else typed (the
 * callbackUrl is reduced to a path and escaped by React), and everything else in the policy still holds.
 */
export const signInPolicy = (dev = false) =>
  pagePolicy("", dev).replace(/'nonce-' 'strict-dynamic'/, "'unsafe-inline'");

/**
 * The camera for this app's own pages (扫码签到), nothing else that a page could ask for, and nothing for
 * anything framed. One policy for every page: the app is one document across client-side navigations, so a
 * policy per path would follow the page a person opened first, not the one where they scan.
 */
export const permissionsPolicy = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

/** Fixed headers for every response. HSTS only in production: a dev server on plain http has none to give. */
export function fixedHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: permissionsPolicy },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/** 16 random bytes, base64: unguessable and new for every page request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
