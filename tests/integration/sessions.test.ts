import { eq } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { endSessions } from "@/db/queries/accounts";
import { grantRole, revokeRole } from "@/db/queries/org";
import { setMemberActive } from "@/db/queries/roster";
import { auditLog } from "@/db/schema/audit";
import { roleGrants, users } from "@/db/schema/users";
import { RECHECK_MS } from "@/lib/session-policy";
import { demoCounty, phones } from "./county";

// auth.ts's session callback, against this file's database.
let county: Awaited<ReturnType<typeof demoCounty>>;
vi.mock("@/db", () => ({ getDb: async () => county.db }));
process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";
const { authOptions } = await import("@/auth");
const jwt = authOptions.callbacks!.jwt! as (args: { token: JWT; user?: unknown }) => Promise<JWT>;

beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

const minute = 60_000;
const versionOf = async (id: number) =>
  (await county.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0].v;

/** A session as it stands after sign-in and one account re-check, last re-checked `age` ago. */
async function session(userId: number, age = 61_000): Promise<JWT> {
  const token = await jwt({
    token: {},
    user: { id: String(userId), name: "x", sessionVersion: await versionOf(userId) },
  });
  expect(token.scope).toBeDefined();
  return { ...token, checked: Date.now() - age, seen: Date.now() - minute };
}

describe("a session ends within a minute when the account changes", () => {
  it("an admin ends a member's sessions: the next re-check empties the token; it is audited", async () => {
    const admin = await county.scopeOf(phones.countyAdmin);
    const token = await session(county.ownMemberId);
    const fresh = await session(county.ownMemberId, 0);
    await endSessions(county.db, admin, { userId: county.ownMemberId });
    expect(await jwt({ token })).toEqual({});
    // Not yet re-checked: still valid until its minute is up, which is the promise (within 60 s).
    expect((await jwt({ token: fresh })).uid).toBe(county.ownMemberId);
    const [entry] = await county.db.select().from(auditLog).where(eq(auditLog.action, "auth.end_sessions"));
    expect(entry).toMatchObject({ actorId: admin.userId, targetId: String(county.ownMemberId), outcome: "ok" });
  });

  it("a secretary may end their own members' sessions, not another branch's", async () => {
    await endSessions(county.db, county.secretary, { userId: county.ownMemberId });
    await expect(endSessions(county.db, county.secretary, { userId: county.foreignMemberId })).rejects.toMatchObject({
      code: "forbidden",
    });
    const member = await county.scopeOf(phones.member);
    await expect(endSessions(county.db, member, { userId: county.ownMemberId })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("granting and revoking a role end the person's sessions", async () => {
    const admin = await county.scopeOf(phones.countyAdmin);
    const token = await session(county.ownMemberId);
    const { userId } = await grantRole(county.db, admin, {
      nodeId: county.homeBranchId,
      role: "secretary",
      phone: (await county.db.select().from(users).where(eq(users.id, county.ownMemberId)))[0].phone,
    });
    expect(userId).toBe(county.ownMemberId);
    expect(await jwt({ token })).toEqual({});
    const after = await session(county.ownMemberId);
    const [grant] = await county.db.select().from(roleGrants).where(eq(roleGrants.userId, county.ownMemberId));
    await revokeRole(county.db, admin, { grantId: grant.id });
    // The grant's re-check above read the account a moment ago; a due session may rest on that read for the
    // rest of its minute (lib/server/account-copies.ts), and not a moment longer.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + RECHECK_MS);
      expect(await jwt({ token: after })).toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });

  it("disabling the member ends their sessions", async () => {
    const token = await session(county.ownMemberId);
    await setMemberActive(county.db, county.secretary, { userId: county.ownMemberId, active: false });
    expect(await jwt({ token })).toEqual({});
    await setMemberActive(county.db, county.secretary, { userId: county.ownMemberId, active: true });
  });
});

describe("idle and absolute limits in the session callback", () => {
  it("a secretary idle for 30 minutes is signed out; a member idle for a day is not", async () => {
    const secretary = await session(county.secretary.userId, 0);
    expect((await jwt({ token: { ...secretary, seen: Date.now() - 29 * minute } })).uid).toBe(county.secretary.userId);
    expect(await jwt({ token: { ...secretary, seen: Date.now() - 30 * minute } })).toEqual({});
    const member = await session((await county.scopeOf(phones.member)).userId, 0);
    expect((await jwt({ token: { ...member, seen: Date.now() - 24 * 60 * minute } })).uid).toBeDefined();
  });

  it("an admin's session ends 12 hours after sign-in however active", async () => {
    const admin = await session((await county.scopeOf(phones.countyAdmin)).userId, 0);
    expect(await jwt({ token: { ...admin, since: Date.now() - 12 * 60 * minute, seen: Date.now() } })).toEqual({});
  });

  it("each use renews the idle clock", async () => {
    const token = await session(county.secretary.userId, 0);
    const used = await jwt({ token: { ...token, seen: Date.now() - 20 * minute } });
    expect(Date.now() - used.seen!).toBeLessThan(minute);
  });
});

describe("the account re-read, kept a minute per user (lib/server/account-copies.ts)", () => {
  afterEach(() => vi.useRealTimers());

  it("two members' sessions each get their own account, however often they are due", async () => {
    const a = await session(county.ownMemberId);
    const b = await session(county.foreignMemberId);
    for (let i = 0; i < 3; i++) {
      const [ja, jb] = await Promise.all([jwt({ token: a }), jwt({ token: b })]);
      expect(ja.scope?.userId).toBe(county.ownMemberId);
      expect(jb.scope?.userId).toBe(county.foreignMemberId);
      expect(ja.scope?.member?.branchId).not.toBe(jb.scope?.member?.branchId);
    }
  });

  it("a disabled account ends its sessions once the kept read is a minute old, not later", async () => {
    const token = await session(county.ownMemberId);
    const confirmed = await jwt({ token }); // the read this session and the others of this user now share
    expect(confirmed.uid).toBe(county.ownMemberId);
    await setMemberActive(county.db, county.secretary, { userId: county.ownMemberId, active: false });
    try {
      // Within the minute a due token may still rest on that read: the promise is "within 60 s".
      expect((await jwt({ token })).uid).toBe(county.ownMemberId);
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(confirmed.checked! + RECHECK_MS);
      expect(await jwt({ token })).toEqual({});
    } finally {
      vi.useRealTimers();
      await setMemberActive(county.db, county.secretary, { userId: county.ownMemberId, active: true });
    }
  });

  it("a kept read never ends a newer sign-in, and never keeps an ended session alive", async () => {
    const admin = await county.scopeOf(phones.countyAdmin);
    const old = await session(county.ownMemberId);
    expect((await jwt({ token: old })).uid).toBe(county.ownMemberId); // kept, with the old session version
    await endSessions(county.db, admin, { userId: county.ownMemberId });
    const signedInAgain = await session(county.ownMemberId);
    expect((await jwt({ token: signedInAgain })).uid).toBe(county.ownMemberId);
    expect(await jwt({ token: old })).toEqual({});
  });
});
