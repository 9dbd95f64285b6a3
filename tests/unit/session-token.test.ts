import { decode, encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/scope";
import { RECHECK_MS, SESSION_MAX_AGE_S, TOUCH_MS } from "@/lib/session-policy";

// The lean session of the check-in route must accept exactly the sessions getServerSession accepts.
const jar = new Map<string, string>();
/** The request, carrying the jar as its Cookie header. */
const request = {
  header: (name: string) => (name === "cookie" ? [...jar].map(([key, value]) => `${key}=${value}`).join("; ") : null),
};
const fresh = vi.fn();
vi.mock("@/db", () => ({ getDb: async () => ({ fake: "db" }) }));
vi.mock("@/db/queries/session", () => ({
  loadSessionUser: (...args: unknown[]) => fresh(...args),
  findUserByPhone: vi.fn(),
}));

process.env.AUTH_SECRET = "unit-test-secret-unit-test-secret-0123456789";
const { requireTokenContext } = await import("@/lib/server/session-token");

const scope: Scope = { userId: 7, grants: [], member: { branchId: 3, branchPath: "/1/2/3/" } };
const token = (claims: Record<string, unknown>, secret = process.env.AUTH_SECRET!) =>
  encode({ secret, maxAge: 3600, token: { uid: 7, sv: 2, name: "刘洋", scope, checked: Date.now(), ...claims } });

beforeEach(() => {
  jar.clear();
  fresh.mockReset();
});

describe("requireTokenContext", () => {
  it("reads the scope from a session next-auth minted, without the database when checked in the last minute", async () => {
    jar.set("next-auth.session-token", await token({}));
    await expect(requireTokenContext(request)).resolves.toMatchObject({ scope, db: { fake: "db" } });
    expect(fresh).not.toHaveBeenCalled();
  });

  it("also reads the secure cookie name", async () => {
    jar.set("__Secure-next-auth.session-token", await token({}));
    await expect(requireTokenContext(request)).resolves.toMatchObject({ scope });
  });

  it("re-reads an older session and ends it when the account was disabled or its version moved", async () => {
    jar.set("next-auth.session-token", await token({ checked: Date.now() - 61_000 }));
    const moved: Scope = { ...scope, member: { branchId: 4, branchPath: "/1/2/4/" } };
    fresh.mockResolvedValueOnce({ id: 7, name: "刘洋", active: true, sessionVersion: 2, scope: moved });
    await expect(requireTokenContext(request)).resolves.toMatchObject({ scope: moved });
    // Within the minute the next due request rests on that read (lib/server/account-copies.ts) …
    await expect(requireTokenContext(request)).resolves.toMatchObject({ scope: moved });
    expect(fresh).toHaveBeenCalledTimes(1);
    // … and once it is a minute old, reads again.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + RECHECK_MS);
    fresh.mockResolvedValueOnce({ id: 7, name: "刘洋", active: false, sessionVersion: 2, scope });
    await expect(requireTokenContext(request)).rejects.toMatchObject({ code: "unauthenticated" });
    vi.useRealTimers();
    fresh.mockResolvedValueOnce({ id: 7, name: "刘洋", active: true, sessionVersion: 3, scope });
    await expect(requireTokenContext(request)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses no cookie, a token under another secret, a tampered or an expired one", async () => {
    await expect(requireTokenContext(request)).rejects.toMatchObject({ code: "unauthenticated" });
    jar.set("next-auth.session-token", await token({}, "another-secret-another-secret-0123456789"));
    await expect(requireTokenContext(request)).rejects.toMatchObject({ code: "unauthenticated" });
    const good = await token({});
    jar.set("next-auth.session-token", good.slice(0, -3) + (good.endsWith("AAA") ? "BBB" : "AAA"));
    await expect(requireTokenContext(request)).rejects.toMatchObject({ code: "unauthenticated" });
    jar.set(
      "next-auth.session-token",
      await encode({
        secret: process.env.AUTH_SECRET!,
        maxAge: -60,
        token: { uid: 7, sv: 2, scope, checked: Date.now() },
      }),
    );
    await expect(requireTokenContext(request)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("hands a visit that counts the renewed cookie at most once a minute, with the time of this visit", async () => {
    const renew = vi.fn();
    jar.set("next-auth.session-token", await token({ seen: Date.now() - 1000 }));
    await requireTokenContext(request, renew);
    expect(renew).not.toHaveBeenCalled();
    const before = Date.now();
    jar.set("next-auth.session-token", await token({ seen: before - TOUCH_MS }));
    await requireTokenContext(request);
    await requireTokenContext(request, renew);
    expect(renew).toHaveBeenCalledTimes(1);
    const header = renew.mock.calls[0][0] as string;
    expect(header).toMatch(
      new RegExp(`^next-auth\\.session-token=[^;]+; Path=/; Max-Age=${SESSION_MAX_AGE_S}; HttpOnly; SameSite=Lax$`),
    );
    const renewed = await decode({
      token: header.slice(header.indexOf("=") + 1, header.indexOf(";")),
      secret: process.env.AUTH_SECRET!,
    });
    expect(renewed).toMatchObject({ uid: 7, scope });
    expect(renewed!.seen).toBeGreaterThanOrEqual(before);
    // The secure name stays secure.
    jar.clear();
    jar.set("__Secure-next-auth.session-token", await token({ seen: before - TOUCH_MS }));
    await requireTokenContext(request, renew);
    expect(renew.mock.calls[1][0]).toMatch(/^__Secure-next-auth\.session-token=.*; Secure$/);
  });

  it("does not renew a session it refuses", async () => {
    const renew = vi.fn();
    jar.set(
      "next-auth.session-token",
      await token({ seen: Date.now() - TOUCH_MS }, "another-secret-another-secret-0123456789"),
    );
    await expect(requireTokenContext(request, renew)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(renew).not.toHaveBeenCalled();
  });
});
