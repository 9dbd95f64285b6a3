import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type SeededMember, seedCounty } from "@/bench/county";
import { codeBook, sessionCookie } from "@/bench/members";
import { type Db, openPostgres } from "@/db/open";
import { attendanceSummary } from "@/db/queries/checkin-screen";
import { publishPlan } from "@/db/queries/plans";
import { bulletinRollup } from "@/db/queries/point-views";
import { loadSessionUser } from "@/db/queries/session";
import { hashPassword } from "@/lib/password";
import { PRIVACY_VERSION } from "@/lib/privacy";
import type { Scope } from "@/lib/scope";
import { NEXT_ACTIVITY_COPY_MS } from "@/lib/server/branch-copies";
import { LIVE_COUNTS_MS } from "@/lib/server/live-attendance";
import { WROTE_COOKIE } from "@/lib/server/read-db";
import { monthOf } from "@/lib/time";
import { readState, restartApp, type StackState, sleep, urls } from "../../ops/stack";

/**
 * The topology of docs/operations.md#topology, run for real (tests/topology/setup.ts starts it): two
 * instances behind nginx, PgBouncer in transaction mode, a streaming hot standby. Loopback only. Every
 * wait is bounded; nothing here asserts how fast anything is, only what arrives and how often.
 */
const dir = inject("stackDir");
let state: StackState;
let u: ReturnType<typeof urls>;
let primarySql: postgres.Sql;
let replicaSql: postgres.Sql;
let primary: { db: Db; close(): Promise<void> };
let replica: { db: Db; close(): Promise<void> };
let members: SeededMember[];
let codes: ReturnType<typeof codeBook>;
let admin: Scope;
const secret = () => state.config.authSecret;

beforeAll(async () => {
  state = readState(dir)!;
  u = urls(state.config);
  primarySql = postgres(u.primary, { max: 4, onnotice: () => {} });
  replicaSql = postgres(u.replica, { max: 2, onnotice: () => {} });
  primary = openPostgres(u.primary, 2);
  replica = openPostgres(u.replica, 2);
  const seeded = await seedCounty(primarySql, {
    members: 900,
    branches: 18,
    committees: 2,
    startsAt: new Date(Date.now() + 10 * 60_000), // window open, not yet late
    durationMinutes: 120,
  });
  members = seeded.members;
  codes = codeBook(seeded.activities);
  await codes.start();
  admin = (await loadSessionUser(primary.db, 1))!.scope;
});

afterAll(async () => {
  codes?.stop();
  await Promise.all([primarySql?.end(), replicaSql?.end(), primary?.close(), replica?.close()]);
});

/** A phone's outbox: the same client id until a definite answer; no answer, 5xx, 408, 429 and 401 are retried. */
async function checkInLikeTheOutbox(member: SeededMember, to: string, tries = { count: 0 }) {
  const { cookie } = await sessionCookie(member, secret());
  const clientId = randomUUID();
  const deadline = Date.now() + 60_000;
  for (;;) {
    tries.count++;
    const { step, code } = codes.scan(member.activityId);
    try {
      const response = await fetch(`${to}/api/v1/checkins`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie, Origin: to },
        body: JSON.stringify({ activityId: member.activityId, code, step, clientId }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      if (![401, 408, 429].includes(response.status) && response.status < 500)
        return { status: response.status, body, setCookie: response.headers.get("set-cookie") };
    } catch {
      // no answer: keep the item
    }
    if (Date.now() > deadline) throw new Error(`member ${member.userId}: no definite answer within 60 s`);
    await sleep(100);
  }
}

async function burst(group: SeededMember[], parallel: number, onSettled?: (settled: number) => void) {
  const tries = { count: 0 };
  const answers: { status: number }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < group.length) {
        const member = group[next++];
        answers.push(await checkInLikeTheOutbox(member, u.balancer, tries));
        onSettled?.(answers.length);
      }
    }),
  );
  return { answers, tries: tries.count };
}

async function lostAndDuplicated(group: SeededMember[]) {
  const rows = await primarySql<{ member_id: number; n: number }[]>`
    select member_id, count(*)::int as n from checkins where member_id = any(${group.map((m) => m.userId)}::int[])
    group by member_id`;
  const counted = new Map(rows.map((r) => [r.member_id, r.n]));
  const outcomes = await primarySql<{ n: number }[]>`
    select count(*)::int as n from attendance
    where member_id = any(${group.map((m) => m.userId)}::int[]) and outcome in ('present', 'late')`;
  return {
    lost: group.filter((m) => !counted.has(m.userId)).length,
    duplicated: [...counted.values()].filter((n) => n > 1).length,
    withoutOutcome: group.length - outcomes[0].n,
  };
}

/** Which instance nginx sent each check-in to (its access log names the upstream). */
function upstreamsOfCheckins(): Map<string, number> {
  const lines = readFileSync(path.join(dir, "logs", "nginx-access.log"), "utf8").split("\n");
  const by = new Map<string, number>();
  for (const line of lines) {
    const [, method, uri, , upstream] = line.split(" ");
    if (method !== "POST" || uri !== "/api/v1/checkins" || !upstream) continue;
    for (const one of upstream.split(", ")) by.set(one, (by.get(one) ?? 0) + 1);
  }
  return by;
}

async function health() {
  const response = await fetch(`${u.balancer}/api/v1/health`);
  return {
    status: response.status,
    body: (await response.json()) as {
      data: { database: { ok: boolean }; replica: { ok: boolean; lagBytes: number; lagSeconds: number } };
    },
  };
}

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await sleep(200);
  }
}

const adminCookie = async () =>
  (
    await sessionCookie({ userId: 1, name: "基准管理员", branchId: 0, branchPath: "", activityId: 0 }, secret(), {
      token: { scope: admin },
    })
  ).cookie;

describe("two instances behind nginx, PgBouncer, a hot standby", () => {
  it("applied the migrations once although both instances started on the empty database at once", async () => {
    const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
    const [row] = await primarySql<{ n: number; distinct: number }[]>`
      select count(*)::int as n, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations`;
    expect(row).toEqual({ n: journal.entries.length, distinct: journal.entries.length });
  });

  it("a check-in burst through nginx reaches both instances: 0 lost, 0 duplicated", async () => {
    const before = upstreamsOfCheckins();
    const group = members.slice(0, 300);
    const { answers } = await burst(group, 40);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(await lostAndDuplicated(group)).toEqual({ lost: 0, duplicated: 0, withoutOutcome: 0 });
    const after = upstreamsOfCheckins();
    for (const port of state.config.appPorts) {
      const key = `127.0.0.1:${port}`;
      expect((after.get(key) ?? 0) - (before.get(key) ?? 0)).toBeGreaterThan(50);
    }
  });

  it("one instance SIGKILLed mid-burst, clients retrying as the outbox does: still 0 lost, 0 duplicated", async () => {
    const group = members.slice(300, 700);
    const victim = state.config.appPorts[0];
    let killed = false;
    const { answers, tries } = await burst(group, 40, (settled) => {
      if (!killed && settled >= 100) {
        killed = true;
        process.kill(state.apps[victim], "SIGKILL");
      }
    });
    expect(killed).toBe(true);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(await lostAndDuplicated(group)).toEqual({ lost: 0, duplicated: 0, withoutOutcome: 0 });
    expect(tries).toBeGreaterThanOrEqual(group.length);
    state.apps[victim] = await restartApp(dir, victim);
  });

  it("a session made on one instance works on the other", async () => {
    const [a, b] = state.config.appPorts.map(u.app);
    const member = members[899];
    await primarySql`update users set password_hash = ${await hashPassword("topology-pass")}
      where id = ${member.userId}`;
    const phone = `199${String(member.userId - 1).padStart(8, "0")}`;
    const csrf = await fetch(`${a}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
    const signIn = await fetch(`${a}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; "), Origin: a },
      body: new URLSearchParams({ csrfToken, phone, password: "topology-pass", json: "true" }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c.startsWith("next-auth.session-token="));
    expect(cookie, `sign-in on ${a}: ${signIn.status}`).toBeDefined();
    const session = (await (await fetch(`${b}/api/auth/session`, { headers: { Cookie: cookie! } })).json()) as {
      user?: { name: string };
    };
    expect(session.user?.name).toBe(member.name);
    const home = await fetch(`${b}/`, { headers: { Cookie: cookie! }, redirect: "manual" });
    expect(home.status).toBe(200);
  });

  it("a plan published shows on the other instance's member home within the copy's time", async () => {
    const [, b] = state.config.appPorts.map(u.app);
    // A branch of its own, so that its members' next activity is the new plan's.
    const [node] = await primarySql<{ id: number; path: string }[]>`
      insert into org_nodes (kind, name, parent_id, path) values ('branch', '拓扑测试支部', 2, '') returning id, path`;
    await primarySql`update org_nodes set path = '/1/2/' || id || '/' where id = ${node.id}`;
    const [user] = await primarySql<{ id: number }[]>`
      insert into users (name, phone) values ('拓扑党员', '19800000001') returning id`;
    await primarySql`insert into members (user_id, branch_id, gender, joined_on)
      values (${user.id}, ${node.id}, 'male', '2010-07-01')`;
    await primarySql`insert into privacy_acknowledgements (user_id, version) values (${user.id}, ${PRIVACY_VERSION})`;
    const member = {
      userId: user.id,
      name: "拓扑党员",
      branchId: node.id,
      branchPath: `/1/2/${node.id}/`,
      activityId: 0,
    };
    const { cookie } = await sessionCookie(member, secret());
    const title = `拓扑发布${Date.now() % 100000}`;
    const homeShows = async () => {
      const html = await (await fetch(`${b}/`, { headers: { Cookie: cookie } })).text();
      return html.includes(title);
    };
    expect(await homeShows()).toBe(false); // and instance b now holds a copy without it
    const startsAt = new Date(Date.now() + 40 * 86_400_000);
    startsAt.setUTCHours(1, 0, 0, 0);
    // Published the app's way (the query the admin's form calls) through PgBouncer, as instance a would.
    const bouncer = openPostgres(u.bouncer, 1, { prepare: false });
    try {
      await publishPlan(bouncer.db, admin, {
        title,
        startsAt,
        durationMinutes: 60,
        materials: "",
        links: [],
        items: [{ title: "集中学习", mandatory: false }],
      });
    } finally {
      await bouncer.close();
    }
    const published = Date.now();
    await until("the plan on the other instance", NEXT_ACTIVITY_COPY_MS + 10_000, homeShows);
    expect(Date.now() - published).toBeLessThanOrEqual(NEXT_ACTIVITY_COPY_MS + 10_000);
  });

  it("the push senders of both instances send each message once", async () => {
    const hits = new Map<string, number>();
    const receiver: Server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        hits.set(request.url!, (hits.get(request.url!) ?? 0) + 1);
        setTimeout(() => response.writeHead(201).end(), 5);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as { port: number }).port;
    try {
      const count = 600;
      const subscribers = members.slice(0, count);
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const p256dh = ecdh.getPublicKey().toString("base64url");
      const endpoints = subscribers.map((_, i) => `http://127.0.0.1:${port}/push/${i}`);
      await primarySql`
        insert into push_subscriptions (endpoint, user_id, p256dh, auth)
        select * from unnest(${endpoints}::text[], ${subscribers.map((m) => m.userId)}::int[],
          ${endpoints.map(() => p256dh)}::text[], ${endpoints.map(() => randomBytes(16).toString("base64url"))}::text[])`;
      await primarySql`
        insert into push_outbox (endpoint, user_id, payload)
        select e, uid, ${primarySql.json({ title: "拓扑", body: "测试", url: "/" })}
        from unnest(${endpoints}::text[], ${subscribers.map((m) => m.userId)}::int[]) as t(e, uid)`;
      await until("the outbox emptied", 90_000, async () => {
        const [row] = await primarySql<{ n: number }[]>`select count(*)::int as n from push_outbox`;
        return row.n === 0;
      });
      await sleep(500); // a request still on its way
      expect(hits.size).toBe(count);
      expect([...hits.values()].filter((n) => n !== 1)).toEqual([]);
    } finally {
      receiver.close();
    }
  });

  it("reports read from the replica match the primary once it has caught up; the lag is visible", async () => {
    const caughtUp = () =>
      until("the replica caught up", 30_000, async () => {
        const { status, body } = await health();
        return status === 200 && body.data.replica.ok && body.data.replica.lagBytes === 0 && body;
      });
    const first = await caughtUp();
    expect(first.data.database.ok).toBe(true);
    const month = monthOf(new Date());
    expect(await bulletinRollup(replica.db, admin, month)).toEqual(await bulletinRollup(primary.db, admin, month));
    const activityId = members[0].activityId;
    expect(await attendanceSummary(replica.db, admin, activityId)).toEqual(
      await attendanceSummary(primary.db, admin, activityId),
    );

    // The standby stops replaying: the operator sees it fall behind, and the one who writes still reads it.
    const [a] = state.config.appPorts.map(u.app);
    const writer = members.find((m) => m.activityId === members[880].activityId && m.userId >= members[700].userId)!;
    const counts = async (cookie: string) => {
      const response = await fetch(`${a}/api/v1/activities/${writer.activityId}/attendance`, {
        headers: { Cookie: cookie },
      });
      const body = (await response.json()) as { ok: boolean; data: unknown };
      expect(body.ok).toBe(true);
      return JSON.stringify(body.data);
    };
    const cookie = await adminCookie();
    const beforeWrite = await counts(cookie);
    await replicaSql`select pg_wal_replay_pause()`;
    try {
      const written = await checkInLikeTheOutbox(writer, a);
      expect(written.status).toBe(200);
      expect(written.setCookie).toContain(`${WROTE_COOKIE}=1`);
      const behind = await until("the lag on /api/v1/health", 10_000, async () => {
        const { body } = await health();
        return body.data.replica.lagBytes > 0 && body;
      });
      expect(behind.data.replica.ok).toBe(true);
      await sleep(LIVE_COUNTS_MS + 100); // past the instance's copy
      expect(await counts(cookie)).toBe(beforeWrite); // from the paused replica
      expect(await counts(`${cookie}; ${WROTE_COOKIE}=1`)).not.toBe(beforeWrite); // the writer: the primary
    } finally {
      await replicaSql`select pg_wal_replay_resume()`;
    }
    await caughtUp();
    await sleep(LIVE_COUNTS_MS + 100);
    expect(await counts(cookie)).not.toBe(beforeWrite);
  });
});
