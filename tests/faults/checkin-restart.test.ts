import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { publishPlan } from "@/db/queries/plans";
import { loadSessionUser } from "@/db/queries/session";
import { activities } from "@/db/schema/activities";
import { checkins } from "@/db/schema/checkins";
import { members, roleGrants } from "@/db/schema/users";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import type { Ctx } from "@/lib/server/action";
import { demoCounty, phones } from "../integration/county";

/**
 * docs/architecture.md#offline under a fault: a county's members check in while the PostgreSQL server restarts. Each
 * client keeps its item until it gets a definite answer (2xx, or a 4xx that says why) and replays it with
 * the same client id, as the outbox does; afterwards every member has exactly one check-in and the app's
 * pool has reconnected by itself. Runs against a real server only (DATABASE_URL) that this machine may
 * restart; anything else fails with one line saying why — it never skips.
 */
const url = process.env.DATABASE_URL;
if (!url)
  throw new Error(
    "故障测试需要 DATABASE_URL（PostgreSQL 服务器）/ the fault test needs DATABASE_URL (a PostgreSQL server)",
  );
const clusters = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
if (clusters.length === 0)
  throw new Error(
    "无法重启 PostgreSQL：没有 /etc/postgresql 下的集群 / cannot restart PostgreSQL: no cluster under /etc/postgresql",
  );

// Asynchronous, so that the burst goes on while the server goes down and comes back.
async function restartServer() {
  try {
    await promisify(execFile)(
      "pg_ctlcluster",
      ["--skip-systemctl-redirect", clusters.sort().at(-1)!, "main", "restart"],
      { timeout: 60_000 },
    );
  } catch (error) {
    const why = String((error as { stderr?: Buffer }).stderr ?? error)
      .trim()
      .split("\n")[0];
    throw new Error(`无法重启 PostgreSQL / cannot restart PostgreSQL: ${why}`);
  }
}

// Many requests are in flight at once, each with its own caller: the mocked session reads it from the
// async context the request runs in.
const session = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  return new AsyncLocalStorage<Ctx>();
});
vi.mock("@/lib/server/session", () => ({ requireContext: async () => session.getStore() }));
vi.mock("@/lib/server/session-token", () => ({ requireTokenContext: async () => session.getStore() }));
const { POST } = await import("@/app/api/v1/checkins/route");

let county: Awaited<ReturnType<typeof demoCounty>>;
let people: { scope: Scope; activityId: number; secret: string }[];

beforeAll(async () => {
  county = await demoCounty();
  const admin = await county.scopeOf(phones.countyAdmin);
  const startsAt = new Date(Date.now() + 5 * 60_000);
  const { planId } = await publishPlan(county.db, admin, {
    title: "故障演练",
    startsAt,
    durationMinutes: 120,
    materials: "",
    links: [],
    items: [{ title: "集中学习", mandatory: false }],
  });
  const rows = await county.db
    .select({ userId: members.userId, activityId: activities.id, secret: activities.checkinSecret })
    .from(members)
    .innerJoin(activities, and(eq(activities.branchId, members.branchId), eq(activities.planId, planId)))
    .where(
      and(
        eq(members.active, true),
        sql`not exists (select 1 from ${roleGrants} where ${roleGrants.userId} = ${members.userId}
          and ${roleGrants.role} <> 'secretary')`,
      ),
    );
  people = await Promise.all(
    rows.map(async (r) => ({
      scope: (await loadSessionUser(county.db, r.userId))!.scope,
      activityId: r.activityId,
      secret: r.secret,
    })),
  );
}, 120_000);
afterAll(() => county?.close());

it("loses and duplicates no check-in while the database restarts mid-burst, and reconnects by itself", async () => {
  const queue = [...people];
  let finished = 0;
  let restartedAt = 0;
  let afterRestart = 0;
  let retries = 0;
  let startedBefore = 0;
  const restart = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (finished < people.length / 3) return;
      clearInterval(timer);
      startedBefore = people.length - queue.length;
      restartServer().then(() => {
        restartedAt = Date.now();
        resolve();
      }, reject);
    }, 5);
  });

  // One outbox item per member: the same body every time it is sent.
  async function client(person: (typeof people)[number]) {
    const scannedAt = new Date();
    const step = stepAt(scannedAt.getTime());
    const body = JSON.stringify({
      activityId: person.activityId,
      code: await codeFor(person.secret, person.activityId, step),
      step,
      scannedAt: scannedAt.toISOString(),
      clientId: randomUUID(),
    });
    for (let attempt = 0; attempt < 200; attempt++) {
      const ctx = { db: county.db, scope: person.scope };
      let status = 0;
      try {
        const request = new Request("http://localhost:3000/api/v1/checkins", {
          method: "POST",
          headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
          body,
        });
        status = (await session.run(ctx, () => POST(request, { params: Promise.resolve({}) }))).status;
      } catch {
        status = 599; // the connection dropped under the handler: as a time-out, keep the item
      }
      if (status < 500) {
        finished++;
        if (restartedAt && Date.now() > restartedAt) afterRestart++;
        return status;
      }
      retries++;
      await new Promise((r) => setTimeout(r, 100));
    }
    return 0;
  }

  const statuses: number[] = [];
  // The last third waits for the server to be back: whether they get through shows the pool reconnecting
  // by itself (the first two thirds are in flight while it goes down).
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (queue.length < people.length / 3) await restart;
      statuses.push(await client(next));
      // A burst, not a flood: slow enough that the restart lands in the middle of it.
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.all([restart, ...Array.from({ length: 8 }, worker)]);

  expect(
    statuses.filter((s) => s !== 200),
    "every client got a 200 in the end",
  ).toEqual([]);
  const rows = await county.db
    .select({ memberId: checkins.memberId, n: sql<number>`count(*)::int` })
    .from(checkins)
    .groupBy(checkins.memberId);
  const byMember = new Map(rows.map((r) => [r.memberId, r.n]));
  const lost = people.filter((p) => !byMember.has(p.scope.userId)).length;
  const duplicated = rows.filter((r) => r.n > 1).length;
  expect({ lost, duplicated, extra: rows.length - people.length }).toEqual({ lost: 0, duplicated: 0, extra: 0 });
  // The same pool answered after the restart: reconnecting needed nobody.
  expect(afterRestart).toBeGreaterThan(0);
  console.log(
    `faults: ${people.length} members, restart begun after ${startedBefore} had started, ${retries} replays after errors`,
  );
}, 300_000);
