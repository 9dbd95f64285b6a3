import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { activities } from "@/db/schema/activities";
import { checkins } from "@/db/schema/checkins";
import { members } from "@/db/schema/users";
import { env } from "@/env";
import { sealScan } from "@/lib/checkin-seal";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

// The check-in is served two ways from one definition (lib/server/fast-routes.ts): as Next's route handler and as
// the node:http handler server.mjs calls before Next's router. Both must answer alike, and exactly once.
import { session } from "./session-stub";

vi.mock("@/lib/server/session-token", () => import("./session-stub"));
const { postCheckin, fastRoutes } = await import("@/lib/server/fast-routes");

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let activity: typeof activities.$inferSelect;
let server: Server;
let origin: string;

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  const _admin = await county.scopeOf(phones.countyAdmin);
  // Starts in 10 minutes: the window is open now and a check-in is on time.
  ({ activity } = await county.themeDay({ startsAt: new Date(Date.now() + 10 * 60_000) }));
  server = createServer(fastRoutes["POST /api/v1/checkins"]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await county.close();
});

type Sent = { status: number; body: unknown };
const sameSite = () => ({ origin, host: new URL(origin).host });

/** The same request to each adapter: over HTTP to the node handler, and as a Request to the route handler. */
async function viaNode(body: string, headers: Record<string, string> = sameSite()): Promise<Sent> {
  const response = await fetch(`${origin}/api/v1/checkins`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, body: await response.json() };
}
async function viaRoute(body: string, headers: Record<string, string> = sameSite()): Promise<Sent> {
  const request = new Request(`${origin}/api/v1/checkins`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const response = await postCheckin(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

const scan = async (clientId = randomUUID()) => {
  const step = stepAt(Date.now());
  return { activityId: activity.id, step, code: await codeFor(activity.checkinSecret, activity.id, step), clientId };
};
const rowsOf = (memberId: number) =>
  county.db
    .select()
    .from(checkins)
    .where(and(eq(checkins.activityId, activity.id), eq(checkins.memberId, memberId)));

describe("the check-in, through server.mjs's node:http handler and through Next's route handler", () => {
  it("refuses bad requests alike, with a Chinese message and a 4xx, writing nothing", async () => {
    session.ctx = { db: county.db, scope: member };
    const good = JSON.stringify(await scan());
    const wrongCode = JSON.stringify({
      ...(await scan()),
      code: "000000" === (await scan()).code ? "111111" : "000000",
    });
    const cases: [string, Record<string, string>?][] = [
      [good, { origin: "https://evil.example" }],
      [good, {}],
      ["{not json", undefined],
      ["[1,2]", undefined],
      [JSON.stringify({ activityId: activity.id }), undefined],
      [wrongCode, undefined],
      ["x".repeat(70_000), undefined],
    ];
    for (const [body, headers] of cases) {
      const node = await viaNode(body, headers && { ...headers, host: new URL(origin).host });
      const route = await viaRoute(body, headers && { ...headers, host: new URL(origin).host });
      expect(node).toEqual(route);
      expect(node.status).toBeGreaterThanOrEqual(400);
      expect(node.status).toBeLessThan(500);
      expect((node.body as { error: string }).error).toMatch(/[\u4e00-\u9fa5]/);
    }
    session.ctx = null;
    expect(await viaNode(good)).toEqual(await viaRoute(good));
    expect((await viaNode(good)).status).toBe(401);
    expect(await rowsOf(member.userId)).toHaveLength(0);
  });

  it("checks in once: concurrent replays on both paths get the first answer, another scan gets 'already'", async () => {
    session.ctx = { db: county.db, scope: member };
    const body = JSON.stringify(await scan());
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? viaRoute(body) : viaNode(body))));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 200, body: { ok: true, data: { status: "checked_in" } } });
    const again = await Promise.all([viaNode(JSON.stringify(await scan())), viaRoute(JSON.stringify(await scan()))]);
    for (const answer of again)
      expect(answer).toMatchObject({ status: 200, body: { ok: true, data: { status: "already" } } });
    expect(await rowsOf(member.userId)).toHaveLength(1);
  });

  it("judges a scan sealed before a 45 s sign-in at its sealed time, on both paths alike", async () => {
    const others = await county.db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.branchId, county.homeBranchId), eq(members.presence, "home")))
      .orderBy(members.userId)
      .limit(2)
      .offset(3);
    const seenAt = Date.now() - 45_000;
    const step = stepAt(seenAt);
    const scanned = { activityId: activity.id, step, code: await codeFor(activity.checkinSecret, activity.id, step) };
    const seal = await sealScan(env.AUTH_SECRET, { ...scanned, seenAt });
    const answers: Sent[] = [];
    for (const [i, via] of [viaNode, viaRoute].entries()) {
      session.ctx = { db: county.db, scope: { ...member, userId: others[i].userId } };
      answers.push(
        await via(
          JSON.stringify({ ...scanned, seenAt, seal, clientId: randomUUID(), scannedAt: new Date().toISOString() }),
        ),
      );
    }
    for (const answer of answers)
      expect(answer).toMatchObject({
        status: 200,
        body: { ok: true, data: { status: "checked_in", offline: false, at: new Date(seenAt).toISOString() } },
      });
  });

  it("answers with the headers Next would add to an API response", async () => {
    session.ctx = null;
    const response = await fetch(`${origin}/api/v1/checkins`, { method: "POST", headers: sameSite(), body: "{}" });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
