import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneLoginAttempts } from "@/db/queries/login-attempts";
import { auditLog } from "@/db/schema/audit";
import { loginAttempts } from "@/db/schema/security";
import { ADDRESS_FAILURES } from "@/lib/login-throttle";
import { t } from "@/lib/messages";
import { signInWithPassword } from "@/lib/server/sign-in";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000);
const attempt = (phone: string, password: string, address: string, now?: Date) =>
  signInWithPassword(county.db, { phone, password, address }, now);
const lockMessage = /^登录失败次数过多，该账号已暂时锁定，请 \d+ 分钟后再试/;

describe("per-account lock", () => {
  it("five wrong passwords lock the account for 15 minutes, even against the right one, and it is audited", async () => {
    const start = new Date();
    for (let i = 0; i < 4; i++) {
      await expect(attempt(phones.member, "wrong-password", "10.0.0.1", start)).rejects.toMatchObject({
        message: t.auth.wrongCredentials,
      });
    }
    await expect(attempt(phones.member, "wrong-password", "10.0.0.2", start)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(lockMessage),
    });
    await expect(attempt(phones.member, "demo1234", "10.0.0.3", minutes(14, start))).rejects.toMatchObject({
      message: t.security.accountLocked(1),
    });
    const signedIn = await attempt(phones.member, "demo1234", "10.0.0.3", minutes(15, start));
    expect(signedIn.name).toBeTruthy();

    const entries = await county.db.select().from(auditLog).where(like(auditLog.action, "auth.%"));
    const lock = entries.filter((e) => e.action === "auth.lock");
    expect(lock).toHaveLength(1);
    expect(lock[0]).toMatchObject({
      outcome: "denied",
      actorId: signedIn.id,
      detail: { phone: "138****0004", reason: "account" },
    });
    expect(entries.filter((e) => e.outcome === "failed")).toHaveLength(5);
    expect(entries.filter((e) => e.outcome === "denied" && e.action === "auth.sign_in")).toHaveLength(1);
    // No audit entry carries the whole number.
    expect(JSON.stringify(entries)).not.toContain(phones.member);
  });

  it("locks an unknown number the same way, so the lock tells nothing about who has an account", async () => {
    for (let i = 0; i < 4; i++)
      await expect(attempt("13912345678", "whatever-pass", "10.0.1.1")).rejects.toMatchObject({
        code: "unauthenticated",
      });
    await expect(attempt("13912345678", "whatever-pass", "10.0.1.1")).rejects.toMatchObject({
      message: expect.stringMatching(lockMessage),
    });
  });

  it("a success in between clears the streak", async () => {
    for (let i = 0; i < 4; i++)
      await expect(attempt(phones.gridWorker, "wrong-password", "10.0.2.1")).rejects.toThrow();
    await attempt(phones.gridWorker, "demo1234", "10.0.2.1");
    for (let i = 0; i < 4; i++)
      await expect(attempt(phones.gridWorker, "wrong-password", "10.0.2.1")).rejects.toMatchObject({
        code: "unauthenticated",
      });
  });

  it("simultaneous guesses see each other: most are refused before the password is checked", async () => {
    const phone = "13700000099";
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => attempt(phone, "guess-guess", "10.0.3.1")),
    );
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const recorded = await county.db.select().from(loginAttempts).where(eq(loginAttempts.phone, phone));
    // Five get through to the password check; a row committed a moment late on a server may let one or two more.
    expect(recorded.length).toBeGreaterThanOrEqual(5);
    expect(recorded.length).toBeLessThanOrEqual(7);
  });
});

describe("per-address limit", () => {
  it(`${ADDRESS_FAILURES} failures from one address in 15 minutes block it for any account, not other addresses`, async () => {
    const address = "192.0.2.50";
    const now = new Date();
    await county.db.insert(loginAttempts).values(
      Array.from({ length: ADDRESS_FAILURES - 1 }, (_, i) => ({
        phone: `136000${String(10000 + i)}`,
        address,
        succeeded: false,
        createdAt: minutes(-5, now),
      })),
    );
    await expect(attempt("13611112222", "whatever-pass", address, now)).rejects.toMatchObject({
      message: "此网络登录失败次数过多，请 10 分钟后再试。",
    });
    await expect(attempt(phones.secretary, "demo1234", address, now)).rejects.toMatchObject({ code: "rate_limited" });
    expect((await attempt(phones.secretary, "demo1234", "192.0.2.51", now)).name).toBeTruthy();
    const locks = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.lock"), eq(auditLog.outcome, "denied")));
    expect(locks.filter((l) => l.detail?.reason === "address")).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ address }) }),
    ]);
  });
});

describe("pruning", () => {
  it("keeps the last day of attempts and removes older ones", async () => {
    await county.db
      .insert(loginAttempts)
      .values({ phone: "13500000000", address: "x", succeeded: false, createdAt: minutes(-25 * 60) });
    const before = (await county.db.select().from(loginAttempts)).length;
    expect(await pruneLoginAttempts(county.db)).toBe(1);
    expect((await county.db.select().from(loginAttempts)).length).toBe(before - 1);
  });
});
