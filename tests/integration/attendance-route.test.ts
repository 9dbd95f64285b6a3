import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkIn } from "@/db/queries/checkins";
import type { activities } from "@/db/schema/activities";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import { LIVE_COUNTS_MS } from "@/lib/server/live-attendance";
import { demoCounty, phones } from "./county";
import { session } from "./session-stub";

// The secretary's live counts are served two ways from one definition (lib/server/fast-routes.ts): by Next's
// route handler and by the node:http handler server.mjs finds with fastRoute. Both must answer alike, keep
// branches apart and show a check-in once the copy's time is up.
vi.mock("@/lib/server/session-token", () => import("./session-stub"));
const { getAttendance, postActivityRead, fastRoute } = await import("@/lib/server/fast-routes");

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let otherSecretary: Scope;
let ours: typeof activities.$inferSelect;
let theirs: typeof activities.$inferSelect;
let server: Server;
let origin: string;

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  otherSecretary = county.otherSecretary;
  // Starts in 10 minutes: the check-in window is open now.
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const day = await county.themeDay({ startsAt });
  ours = day.activity;
  theirs = day.of(county.otherBranchId);
  // As server.mjs dispatches: the fast handler with its path parameters, or nothing.
  server = createServer((request, response) => {
    const route = fastRoute(request.method, request.url?.split("?", 1)[0]);
    if (route) route[0](request, response, route[1]);
    else response.writeHead(599).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  vi.useRealTimers();
  await new Promise((resolve) => server.close(resolve));
  await county.close();
});

type Sent = { status: number; body: { ok: boolean; data?: { present: unknown[]; waiting: unknown[] } } };
async function viaNode(activityId: string | number): Promise<Sent> {
  const response = await fetch(`${origin}/api/v1/activities/${activityId}/attendance`);
  return { status: response.status, body: await response.json() };
}
async function viaRoute(activityId: string | number): Promise<Sent> {
  const request = new Request(`${origin}/api/v1/activities/${activityId}/attendance`);
  const response = await getAttendance(request, { params: Promise.resolve({ activityId: String(activityId) }) });
  return { status: response.status, body: await response.json() };
}
const as = (scope: Scope | null) => {
  session.ctx = scope && { db: county.db, scope };
};

describe("the live counts, through server.mjs's node:http handler and through Next's route handler", () => {
  it("are found only at their own path", () => {
    expect(fastRoute("GET", `/api/v1/activities/${ours.id}/attendance`)?.[1]).toEqual({ activityId: String(ours.id) });
    expect(fastRoute("POST", `/api/v1/activities/${ours.id}/attendance`)).toBeNull();
    expect(fastRoute("GET", `/api/v1/activities/${ours.id}/attendance/export`)).toBeNull();
    expect(fastRoute("GET", `/api/v1/activities/${ours.id}/x/attendance`)).toBeNull();
  });

  it("answer alike; each branch's secretary gets only their own branch's counts, a member and a stranger none", async () => {
    for (const [scope, id, status] of [
      [county.secretary, ours.id, 200],
      [otherSecretary, theirs.id, 200],
      [otherSecretary, ours.id, 403],
      [county.secretary, theirs.id, 403],
      [member, ours.id, 403],
      [null, ours.id, 401],
      [county.secretary, "abc", 400],
      [county.secretary, "%E4", 400],
    ] as const) {
      as(scope);
      const node = await viaNode(id);
      expect(node).toEqual(await viaRoute(id));
      expect(node.status).toBe(status);
    }
  });

  it("show a check-in once the copy's time is up, in that branch's counts only", async () => {
    as(county.secretary);
    const before = await viaNode(ours.id);
    const step = stepAt(Date.now());
    await checkIn(county.db, member, {
      activityId: ours.id,
      step,
      code: await codeFor(ours.checkinSecret, ours.id, step),
      clientId: randomUUID(),
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + LIVE_COUNTS_MS);
    const after = await viaNode(ours.id);
    expect(after.body.data?.present).toHaveLength((before.body.data?.present.length ?? 0) + 1);
    as(otherSecretary);
    expect((await viaNode(theirs.id)).body.data?.present).toEqual([]);
    vi.useRealTimers();
  });

  it("the member's read receipt answers alike on both paths: their own branch's activity only, same origin only", async () => {
    const send = async (via: "node" | "route", id: number, headers: Record<string, string>) => {
      const init = { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" };
      const url = `${origin}/api/v1/activities/${id}/read`;
      const response =
        via === "node"
          ? await fetch(url, init)
          : await postActivityRead(new Request(url, init), { params: Promise.resolve({ activityId: String(id) }) });
      return { status: response.status, body: await response.json() };
    };
    const sameSite = { origin, host: new URL(origin).host };
    as(member);
    for (const [id, headers] of [
      [ours.id, sameSite],
      [theirs.id, sameSite],
      [ours.id, { origin: "https://evil.example", host: new URL(origin).host }],
    ] as const) {
      // The first marks the notices read, the second finds none left: the same status, not the same count.
      const node = await send("node", id, headers);
      expect(node.status).toBe((await send("route", id, headers)).status);
      if (id === ours.id && headers.origin === origin) expect(node.status).toBe(200);
      else expect([403, 404]).toContain(node.status);
    }
  });
});
