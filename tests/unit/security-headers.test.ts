import { describe, expect, it } from "vitest";
import { fixedHeaders, newNonce, pagePolicy, permissionsPolicy, signInPolicy } from "@/lib/security-headers";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("content security policy", () => {
  it("pages allow only scripts carrying this request's nonce, never inline or eval in production", () => {
    const policy = pagePolicy("abc123");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(policy).toContain(d);
  });
  it("development adds eval and the reload socket, nothing else", () => {
    expect(directive(pagePolicy("n", true), "script-src")).toBe(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'",
    );
    expect(directive(pagePolicy("n", true), "connect-src")).toBe("connect-src 'self' ws:");
  });
  it("the sign-in page has no nonce to use and allows inline scripts, with the rest unchanged", () => {
    expect(directive(signInPolicy(), "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    // webpack's development build evaluates its modules: without this the sign-in form never hydrates under npm run
    // dev.
    expect(directive(signInPolicy(true), "script-src")).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    expect(signInPolicy().replace("'unsafe-inline'", "")).toBe(
      pagePolicy("x").replace("'nonce-x' 'strict-dynamic'", ""),
    );
  });
  it("nonces are fresh and base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("other headers", () => {
  it("the camera for the app's own pages only, and nothing else a page could ask for, on every response", () => {
    expect(permissionsPolicy).toContain("camera=(self)");
    for (const feature of ["microphone", "geolocation", "payment", "usb"])
      expect(permissionsPolicy).toContain(`${feature}=()`);
    for (const production of [true, false])
      expect(fixedHeaders(production)).toContainEqual({ key: "Permissions-Policy", value: permissionsPolicy });
  });
  it("HSTS in production only", () => {
    const keys = (production: boolean) => fixedHeaders(production).map((h) => h.key);
    expect(keys(true)).toEqual([
      "X-Content-Type-Options",
      "Referrer-Policy",
      "X-Frame-Options",
      "Permissions-Policy",
      "Strict-Transport-Security",
    ]);
    expect(keys(false)).not.toContain("Strict-Transport-Security");
  });
});
