import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema/audit";
import { orgNodes } from "@/db/schema/org";
import { testDb } from "./db";

/** Proves the harness itself: every testDb() is migrated, empty, and shares nothing with another. */
describe("testDb", () => {
  let a: Awaited<ReturnType<typeof testDb>>;
  let b: Awaited<ReturnType<typeof testDb>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([testDb(), testDb()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it("starts migrated and empty", async () => {
    expect(await a.db.select().from(orgNodes)).toEqual([]);
    expect(await b.db.select().from(auditLog)).toEqual([]);
  });

  it("keeps each database's rows to itself", async () => {
    await a.db.insert(orgNodes).values({ kind: "county", name: "测试县", path: "/1/" });
    expect(await a.db.select({ name: orgNodes.name }).from(orgNodes)).toEqual([{ name: "测试县" }]);
    expect(await b.db.select().from(orgNodes)).toEqual([]);
  });

  it("refuses to update the audit log (migration 0001 trigger)", async () => {
    const [row] = await a.db.insert(auditLog).values({ action: "harness", outcome: "ok" }).returning();
    const update = a.db.update(auditLog).set({ action: "rewritten" }).where(eq(auditLog.id, row.id));
    await expect(update).rejects.toSatisfy(causedBy("audit_log is append-only"));
    const remove = a.db.delete(auditLog).where(eq(auditLog.id, row.id));
    await expect(remove).rejects.toSatisfy(causedBy("kept at least 180 days"));
  });
});

// Drizzle wraps the driver's error ("Failed query: ..."); the database's own message is on the cause.
function causedBy(text: string) {
  return (error: unknown) => {
    for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      if (e.message?.includes(text)) return true;
    }
    return false;
  };
}
