import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { notify } from "@/db/queries/notify";
import { loadSessionUser } from "@/db/queries/session";
import { activities } from "@/db/schema/activities";
import { privacyAcknowledgements } from "@/db/schema/privacy";
import { PRIVACY_VERSION } from "@/lib/privacy";
import type { Scope } from "@/lib/scope";
import { NEXT_ACTIVITY_COPY_MS } from "@/lib/server/branch-copies";
import { todayFor } from "@/lib/server/today";
import { demoCounty, phones } from "./county";
import { session } from "./session-stub";

// The start page's read (GET /api/v1/today) is served two ways from one definition (lib/server/fast-routes.ts).
// Both answer alike; members of one branch and of two branches get only their own; a moved time shows once the
// per-branch copy's time is up and a new notice at once; signed out is 401; not a member or not acknowledged
// the privacy notice get nothing but that.
vi.mock("@/lib/server/session-token", () => import("./session-stub"));
const { getToday, fastRoute } = await import("@/lib/server/fast-routes");

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let neighbour: Scope;
let stranger: Scope;
let ours: typeof activities.$inferSelect;
let theirs: typeof activities.$inferSelect;
let server: Server;
let origin: string;

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  neighbour = (await loadSessionUser(county.db, county.ownMemberId))!.scope;
  stranger = (await loadSessionUser(county.db, county.foreignMemberId))!.scope;
  await county.db
    .insert(privacyAcknowledgements)
    .values([neighbour, stranger].map((s) => ({ userId: s.userId, version: PRIVACY_VERSION })));
  const day = await county.themeDay({ startsAt: new Date(Date.now() + 10 * 60_000) });
  ours = day.activity;
  theirs = day.of(county.otherBranchId);
  server = createServer((request, response) => {
    const route = fastRoute(request.method, request.url?.split("?", 1)[0]);
    if (route) route[0](request, response, route[1]);
    else response.writeHead(599).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await county.close();
});

type Body = {
  ok: boolean;
  code?: string;
  data?: Record<string, unknown> & { next?: { id: number; startsAt: string } };
};
type Answered = { status: number; body: Body; cache: string | null; cookies: string[] };
const answered = async (response: Response): Promise<Answered> => ({
  status: response.status,
  body: await response.json(),
  cache: response.headers.get("cache-control"),
  cookies: response.headers.getSetCookie(),
});
const viaNode = async () => answered(await fetch(`${origin}/api/v1/today`));
const viaRoute = async () =>
  answered(await getToday(new Request(`${origin}/api/v1/today`), { params: Promise.resolve({}) }));
const as = (scope: Scope | null) => {
  session.ctx = scope && { db: county.db, scope };
};

describe("GET /api/v1/today", () => {
  it("answers the same both ways, the caller's own and never kept by a cache", async () => {
    as(member);
    const [node, route] = [await viaNode(), await viaRoute()];
    expect(node.status).toBe(200);
    const { now: _a, ...fromNode } = node.body.data!;
    const { now: _b, ...fromRoute } = route.body.data!;
    expect(fromNode).toEqual(fromRoute);
    expect(node.cache).toBe("private, no-store");
    const data = node.body.data!;
    expect(data).toMatchObject({ state: "member", userId: member.userId, checkin: null, leave: null });
    expect(data.next?.id).toBe(ours.id);
  });

  it("keeps members apart: same branch shares the activity, not the person; another branch gets its own", async () => {
    await notify(county.db, [member.userId], { kind: "reminder", title: "只给演示党员", activityId: ours.id });
    as(member);
    const mine = (await viaNode()).body.data!;
    as(neighbour);
    const next = (await viaNode()).body.data!;
    as(stranger);
    const far = (await viaRoute()).body.data!;
    expect(next.next?.id).toBe(ours.id);
    expect(next.userId).toBe(neighbour.userId);
    expect(next.name).not.toBe(mine.name);
    expect(far.next?.id).toBe(theirs.id);
    expect(far.userId).toBe(stranger.userId);
    expect(Number(mine.unread)).toBeGreaterThan(0);
    // The notice went to one person: the neighbour's count does not move with it.
    const before = Number(next.unread);
    as(neighbour);
    expect((await viaNode()).body.data!.unread).toBe(before);
  });

  it("shows a new notice at once and a moved time once the branch's copy is up", async () => {
    const t0 = Date.now();
    const first = await todayFor(county.db, member, new Date(t0));
    if (first.state !== "member") throw new Error(first.state);
    await notify(county.db, [member.userId], { kind: "reminder", title: "新通知", activityId: ours.id });
    const moved = new Date(ours.startsAt.getTime() + 5 * 60_000);
    await county.db.update(activities).set({ startsAt: moved }).where(eq(activities.id, ours.id));
    const soon = await todayFor(county.db, member, new Date(t0 + 1));
    if (soon.state !== "member") throw new Error(soon.state);
    expect(soon.unread).toBe(first.unread + 1);
    const later = await todayFor(county.db, member, new Date(t0 + NEXT_ACTIVITY_COPY_MS));
    if (later.state !== "member") throw new Error(later.state);
    expect(later.next?.startsAt).toEqual(moved);
    expect(later.next?.opensAt.getTime()).toBe(moved.getTime() - 30 * 60_000);
  });

  it("shows the caller's own check-in and leave", async () => {
    const { checkIn } = await import("@/db/queries/checkins");
    const { codeFor, stepAt } = await import("@/lib/checkin-token");
    const [row] = await county.db.select().from(activities).where(eq(activities.id, ours.id));
    const step = stepAt(Date.now());
    await checkIn(county.db, neighbour, {
      activityId: ours.id,
      code: await codeFor(row.checkinSecret, row.id, step),
      step,
      clientId: randomUUID(),
    });
    as(neighbour);
    expect((await viaNode()).body.data!.checkin).toMatchObject({ method: expect.any(String) });
    as(member);
    expect((await viaNode()).body.data!.checkin).toBeNull();
  });

  it("renews the session cookie when the visit is due to, both ways (the page itself passes no proxy)", async () => {
    as(member);
    expect((await viaNode()).cookies).toEqual([]);
    session.renewal = "next-auth.session-token=renewed; Path=/; HttpOnly";
    try {
      expect((await viaNode()).cookies).toEqual([session.renewal]);
      expect((await viaRoute()).cookies).toEqual([session.renewal]);
      as(null);
      expect((await viaNode()).cookies).toEqual([]);
    } finally {
      session.renewal = undefined;
    }
  });

  it("is 401 signed out, tells a non-member only that, and holds back an unacknowledged person", async () => {
    as(null);
    expect((await viaNode()).status).toBe(401);
    expect((await viaRoute()).status).toBe(401);
    as(county.secretary.member ? { ...county.secretary, member: null } : county.secretary);
    expect((await viaNode()).body).toEqual({ ok: true, data: { state: "not_member" } });
    // A member of the branch who has not acknowledged the notice (only the named demo accounts have).
    const unread = (await county.homeMembers(5)).find((s) => ![member.userId, neighbour.userId].includes(s.userId))!;
    as(unread);
    expect((await viaNode()).body).toEqual({ ok: true, data: { state: "privacy_due" } });
    expect((await viaRoute()).body).toEqual({ ok: true, data: { state: "privacy_due" } });
  });
});
