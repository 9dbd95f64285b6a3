import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { activities, activitySteps, uploads } from "@/db/schema/activities";
import { leaveRequests } from "@/db/schema/leave";
import { users } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";
import { MAX_UPLOAD_BYTES } from "@/lib/upload-limit";
import { badFields } from "./bad-fields";
import { phones } from "./county";
import { matrix } from "./endpoint-cases";
import { callEndpoint, changedTables, discoverEndpoints, type Endpoint, fingerprint } from "./endpoints";
import { type ForeignCounty, foreignCounty, png } from "./foreign-objects";

// Actions and routes take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
vi.mock("@/lib/server/session-token", () => import("./session-stub"));
// The public forms read the caller's address for their throttle; here every call comes from one address.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => import("./next-cache-stub"));

const cjk = /[\u3400-\u9fff]/;

/** Values nobody should send: SQL and script fragments, control and bidi characters, emoji, huge and odd numbers. */
const hostileText = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\u202e12345",
  "' OR '1'='1",
  "1; drop table users; --",
  "'); delete from audit_log where true; --",
  "1 union select password_hash from users",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(document.cookie)>",
  "javascript:alert(1)",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "👍🏻🇨🇳👨‍👩‍👧‍👦",
  "NaN",
  "Infinity",
  "1e309",
  "-1",
  "0x10",
  "2147483648",
  "9".repeat(400),
  "2026-02-30T25:61",
  "__proto__",
);
const long = fc.constantFrom("x".repeat(100_000), "党".repeat(30_000), "<script>".repeat(10_000), "😀".repeat(20_000));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: long },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      undefined,
      true,
      false,
      0,
      -1,
      1.5,
      Number.NaN,
      Infinity,
      -Infinity,
      2 ** 31,
      2 ** 53,
      -0,
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileText, fc.integer()), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }) },
);

/** A payload: the endpoint's real fields with some made hostile, dropped or joined by junk, or no object at all. */
function payloadFor(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const mutated = fc
    .record({
      replace: fc.subarray(keys, { minLength: keys.length ? 1 : 0 }),
      drop: fc.subarray(keys),
      values: fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }),
      junk: fc.dictionary(
        fc.constantFrom("__proto__", "constructor", "id", "scope", "userId", "role", "$ACTION_ID", "x"),
        hostileValue,
        { maxKeys: 2 },
      ),
      asForm: fc.boolean(),
    })
    .map(({ replace, drop, values, junk, asForm }) => {
      const out: Record<string, unknown> = { ...base };
      replace.forEach((k, i) => {
        out[k] = values[i];
      });
      for (const k of drop) if (!replace.includes(k)) delete out[k];
      Object.assign(out, junk);
      return asForm ? toForm(out) : out;
    });
  const wrongType = fc.oneof(fc.constant(null), fc.constant([base]), hostileText, fc.integer(), fc.constant([]));
  return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: wrongType });
}

function toForm(values: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values))
    if (v !== undefined)
      form.append(k, v instanceof Blob ? v : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
  return form;
}

/** Bodies that are not a JSON object at all, for route handlers. */
const rawBodies = fc.constantFrom("{", "null", "[]", '"text"', "1", '{"activityId":', "\u0000", "x".repeat(200_000));

/** Inputs of the right shape for the endpoints that name no foreign object (see endpoint-cases.ts). */
const selfShapes: Record<string, Record<string, unknown>> = {
  "app/(auth)/activate/actions.ts#activate": {
    phone: "13912340000",
    code: "ABCD1234",
    password: "newpassword1",
    confirm: "newpassword1",
  },
  "app/(member)/community/actions.ts#reportAction": { gridId: 999_999, postIds: [], note: "住 3 号楼" },
  "app/(member)/me/actions.ts#changePasswordAction": {
    current: "demo1234",
    password: "newpassword1",
    confirm: "newpassword1",
  },
  "app/(member)/me/push-actions.ts#subscribePushAction": {
    endpoint: "https://fcm.googleapis.com/fcm/send/abc123",
    keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) },
  },
  "app/(member)/me/push-actions.ts#unsubscribePushAction": {},
  // Its activity comes in the path; a body may name one too, and the path wins.
  "app/api/v1/activities/[activityId]/read/route.ts#POST": { activityId: 1 },
  "app/(member)/me/two-factor/actions.ts#startTotpAction": {},
  "app/(member)/me/two-factor/actions.ts#confirmTotpAction": { code: "123456" },
  "app/(member)/me/two-factor/actions.ts#renewRecoveryAction": { code: "123456" },
  "app/(member)/me/two-factor/actions.ts#disableTotpAction": { code: "123456" },
  // Any object is a valid answer to these two (a checkbox, no fields): only payloads of the wrong type are bad.
  "app/(member)/me/actions.ts#setElderModeAction": {},
  "app/(member)/me/actions.ts#setSmsAction": {},
  "app/(member)/me/actions.ts#confirmRecordAction": {},
  "app/(member)/notices/actions.ts#markAllReadAction": {},
  // Anyone may send one, so the shape names a branch that does not exist: only a refusal is a right answer.
  "app/(auth)/feedback/actions.ts#sendFeedbackAction": {
    kind: "complaint",
    subject: "branch",
    branchId: 999_999,
    body: "通知太晚",
  },
  "app/(auth)/feedback/actions.ts#sendPublicFeedbackAction": {
    kind: "complaint",
    subject: "branch",
    branchId: 999_999,
    body: "通知太晚",
    contact: "",
  },
  "app/(auth)/feedback/actions.ts#lookupReceiptAction": { receipt: "ABCDEFGHJKMN" },
  // Anyone signed in may acknowledge the current notice, so the shape names a version that is not it.
  "app/(auth)/privacy/actions.ts#acknowledgeAction": { version: 9_999, next: "/" },
  "app/(member)/me/actions.ts#requestCorrectionAction": { body: "出生日期有误" },
};
// Likewise any text names an endpoint to forget (only the caller's own row is ever deleted).
const anyObjectIsValid = new Set([
  "app/(member)/me/actions.ts#setElderModeAction",
  "app/(member)/me/actions.ts#setSmsAction",
  "app/(member)/me/actions.ts#confirmRecordAction",
  "app/(member)/notices/actions.ts#markAllReadAction",
  "app/(member)/me/push-actions.ts#unsubscribePushAction",
]);

let county: ForeignCounty;
let nobody: Scope;
let writers: Endpoint[];

/**
 * Row counts of the tables a write endpoint can add to: cheap enough for every run (the fingerprint is per endpoint).
 */
async function rowCounts() {
  const tables = [
    "activities",
    "activity_steps",
    "attendance",
    "checkins",
    "checkin_disputes",
    "community_reports",
    "dues_bases",
    "dues_entries",
    "leave_requests",
    "makeup_tasks",
    "members",
    "notices",
    "org_nodes",
    "plans",
    "point_appeals",
    "point_entries",
    "point_rules",
    "role_grants",
    "schedule_changes",
    "service_activities",
    "service_signups",
    "uploads",
    "users",
    "volunteer_hours",
  ];
  const query = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(" union all ");
  const result = (await county.db.execute(sql.raw(query))) as unknown;
  return JSON.stringify(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
}

beforeAll(async () => {
  county = await foreignCounty();
  // Signed in, but holding no role and no member record: whatever passes parsing is then refused by scope,
  // so a write can only come from a payload that slipped past both.
  const [user] = await county.db.insert(users).values({ name: "无角色用户", phone: "13800000098" }).returning();
  nobody = { userId: user.id, grants: [], member: null };
  writers = discoverEndpoints().filter((e) => e.kind !== "route" || (e.name !== "GET" && e.name !== "HEAD"));
}, 120_000);
afterAll(() => county?.close());

it("answers every hostile payload to every write endpoint with a Chinese 4xx, never a 500, and writes nothing", async () => {
  const failures: string[] = [];
  for (const endpoint of writers) {
    const spec = matrix[endpoint.key];
    let base: Record<string, unknown> | undefined = selfShapes[endpoint.key];
    if (!base && spec && !("self" in spec)) {
      const made = await (spec.branch
        ? spec.branch(county.branches.committee, county)
        : spec.grid
          ? spec.grid(county.grids.community, county)
          : spec.county!(county));
      const one = (Array.isArray(made) ? made[0] : made) as Record<string, unknown>;
      base = endpoint.kind === "route" ? (one.body as Record<string, unknown>) : one;
    }
    expect(base, `${endpoint.key}: give it a shape in bad-input.test.ts`).toBeDefined();
    const payload = anyObjectIsValid.has(endpoint.key)
      ? fc.oneof(fc.constant(null), fc.constant([]), hostileText, fc.integer())
      : payloadFor(base!);
    const input =
      endpoint.kind === "route"
        ? fc.oneof(
            { weight: 4, arbitrary: payload.map((body) => (body instanceof FormData ? { form: body } : { body })) },
            { weight: 1, arbitrary: rawBodies.map((raw) => ({ raw })) },
          )
        : payload;
    const before = await fingerprint(county.db);
    let first: string | undefined;
    await fc
      .assert(
        fc.asyncProperty(input, async (sent) => {
          const counts = await rowCounts();
          session.ctx = endpoint.kind === "public-action" ? null : { db: county.db, scope: nobody };
          const answer = await callEndpoint(endpoint, sent).finally(() => (session.ctx = null));
          const problem =
            answer.status >= 500 || answer.body?.code === "internal"
              ? "a 500"
              : answer.status < 400 || answer.status >= 500
                ? `status ${answer.status}`
                : !cjk.test(answer.body?.error ?? "")
                  ? `no Chinese message: ${answer.body?.error}`
                  : (await rowCounts()) !== counts
                    ? "rows written"
                    : null;
          if (problem)
            first ??= `${endpoint.key}: ${problem} for ${JSON.stringify(sent instanceof FormData ? Object.fromEntries(sent) : sent)?.slice(0, 300)}`;
          return problem === null;
        }),
        { numRuns: 30, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
      )
      .catch((error) => failures.push(first ?? `${endpoint.key}: threw ${String(error).slice(0, 600)}`));
    const moved = changedTables(before, await fingerprint(county.db));
    if (moved.length) failures.push(`${endpoint.key}: wrote to ${moved.join(", ")}`);
  }
  expect(failures).toEqual([]);
}, 300_000);

/** Optional fields the matrix's shapes leave out, so that they are made bad too. */
const optionalFields: Record<string, Record<string, unknown>> = {
  "app/(secretary)/branch/activities/actions.ts#createMeetingAction": { place: "活动室", materials: "学习材料" },
  "app/(grid)/grid/actions.ts#createServiceActivityAction": { postId: 1 },
  "app/(secretary)/branch/actions.ts#addMemberAction": { joinedOn: "2010-07-01" },
  "app/api/v1/branches/[branchId]/members/route.ts#GET": { query: { q: "张" } },
  "app/api/v1/checkins/route.ts#POST": { body: { step: 1, scannedAt: new Date().toISOString() } },
};
/** A period in the address that is not one falls back to the current period: a page, not bad input. */
const lenient = ["month", "quarter", "year"];

it("refuses a NUL, a loose type and an impossible day in any field of every endpoint as bad input, and writes nothing", async () => {
  const failures: string[] = [];
  let probes = 0;
  const before = await fingerprint(county.db);
  for (const endpoint of discoverEndpoints()) {
    if (anyObjectIsValid.has(endpoint.key)) continue;
    const spec = matrix[endpoint.key];
    const made =
      selfShapes[endpoint.key] ??
      (spec && !("self" in spec)
        ? await (spec.branch
            ? spec.branch(county.branches.committee, county)
            : spec.grid
              ? spec.grid(county.grids.community, county)
              : spec.county!(county))
        : []);
    const extra = optionalFields[endpoint.key] ?? {};
    for (const one of (Array.isArray(made) ? made : [made]) as Record<string, unknown>[]) {
      const base =
        endpoint.kind === "route"
          ? {
              params: { ...(one.params as object) },
              query: { ...(one.query as object), ...(extra.query as object) },
              body: { ...(one.body as object), ...(extra.body as object) },
            }
          : { ...one, ...extra };
      for (const { label, input } of badFields(base, {
        strings: ["params", "query"],
        lenient: endpoint.name === "GET" ? lenient : [],
      })) {
        session.ctx = endpoint.kind === "public-action" ? null : { db: county.db, scope: nobody };
        const answer = await callEndpoint(endpoint, input).finally(() => (session.ctx = null));
        probes++;
        if (answer.status !== 400 || answer.body?.code !== "bad_request" || !cjk.test(answer.body?.error ?? "")) {
          failures.push(
            `${endpoint.key} · ${label}: ${answer.status} ${answer.body?.code ?? ""} ${answer.body?.error ?? ""}`,
          );
        }
      }
    }
  }
  expect(failures).toEqual([]);
  expect(changedTables(before, await fingerprint(county.db))).toEqual([]);
  expect(probes).toBeGreaterThan(400);
}, 300_000);

it("refuses uploads of the wrong type, oversized or disguised; keeps an image with a script inside as an image, served sandboxed", async () => {
  const { db } = county;
  const [home] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.planId, county.planId), eq(activities.branchId, county.homeBranchId)));
  const [step] = await db
    .select()
    .from(activitySteps)
    .where(eq(activitySteps.activityId, home.id))
    .orderBy(activitySteps.position);
  const member = await county.scopeOf(phones.member);
  const byKey = (key: string) => discoverEndpoints().find((e) => e.key === key)!;
  const fileLeave = byKey("app/api/v1/leave-requests/route.ts#POST");
  const markStep = byKey("app/(secretary)/branch/activities/actions.ts#markStepAction");
  const readAttachment = (await import("@/app/api/v1/leave-requests/[leaveId]/attachment/route")).GET;
  const readUpload = (await import("@/app/api/v1/uploads/[uploadId]/route")).GET;
  const uploadCount = async () => (await db.select({ id: uploads.id }).from(uploads)).length;
  const oversized = new Uint8Array(MAX_UPLOAD_BYTES + 1);
  oversized.set(png);
  const bad = [
    new File(["<html><script>alert(document.cookie)</script></html>"], "note.png", { type: "image/png" }),
    new File(
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'],
      "note.svg",
      { type: "image/svg+xml" },
    ),
    new File([Buffer.from("MZ\x90\x00\x03 this program cannot be run in DOS mode", "latin1")], "scan.pdf", {
      type: "application/pdf",
    }),
    new File([png.subarray(0, 6)], "cut.png", { type: "image/png" }),
    new File([oversized], "big.png", { type: "image/png" }),
  ];
  const leaveForm = (attachment: File) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      clientId: crypto.randomUUID(),
      activityId: String(home.id),
      type: "sick",
      reason: "住院，附诊断证明",
    }))
      form.set(k, v);
    form.set("attachment", attachment);
    return form;
  };
  const before = await uploadCount();
  for (const file of bad) {
    session.ctx = { db, scope: member };
    const answer = await callEndpoint(fileLeave, { form: leaveForm(file) });
    expect(answer.status, file.name).toBe(400);
    expect(answer.body?.error).toMatch(cjk);
    session.ctx = { db, scope: county.secretary };
    const evidence = await callEndpoint(markStep, { stepId: step.id, done: "on", note: "", photo: file });
    expect(evidence.status, file.name).toBe(400);
    expect(evidence.body?.error).toMatch(cjk);
  }
  expect(await uploadCount()).toBe(before);
  expect(await db.select().from(leaveRequests).where(eq(leaveRequests.memberId, member.userId))).toHaveLength(0);

  // A real PNG with a script appended is a PNG: stored as image/png, and served so that nothing in it can run.
  const polyglot = new File(
    [Buffer.concat([png, Buffer.from("<script>alert(document.cookie)</script>")])],
    "photo.html",
    { type: "text/html" },
  );
  session.ctx = { db, scope: member };
  expect((await callEndpoint(fileLeave, { form: leaveForm(polyglot) })).status).toBe(200);
  const [leave] = await db.select().from(leaveRequests).where(eq(leaveRequests.memberId, member.userId));
  const served = await readAttachment(new Request("http://localhost:3000/x"), {
    params: Promise.resolve({ leaveId: String(leave.id) }),
  });
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(home.startsAt.getTime() + 10 * 60_000));
  try {
    session.ctx = { db, scope: county.secretary };
    expect((await callEndpoint(markStep, { stepId: step.id, done: "on", note: "", photo: polyglot })).status).toBe(200);
  } finally {
    vi.useRealTimers();
  }
  const [marked] = await db.select().from(activitySteps).where(eq(activitySteps.id, step.id));
  const photo = await readUpload(new Request("http://localhost:3000/x"), {
    params: Promise.resolve({ uploadId: String(marked.evidenceId) }),
  });
  session.ctx = null;
  for (const response of [served, photo]) {
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toMatch(/^sandbox;.*default-src 'none'/);
  }
});
