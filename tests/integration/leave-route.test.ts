import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema/audit";
import { leaveRequests } from "@/db/schema/leave";
import { t } from "@/lib/messages";
import { OWNER_HEADER } from "@/lib/outbox-owner";
import type { Scope } from "@/lib/scope";
import { MAX_UPLOAD_BYTES } from "@/lib/upload-limit";
import { demoCounty, phones } from "./county";

// The route handlers take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
const { POST } = await import("@/app/api/v1/leave-requests/route");
const attachmentRoute = await import("@/app/api/v1/leave-requests/[leaveId]/attachment/route");
const exportRoute = await import("@/app/api/v1/leave-requests/export/route");

let county: Awaited<ReturnType<typeof demoCounty>>;
let people: Scope[];
let activityId: number;
const as = (scope: Scope | null) => (session.ctx = scope && { db: county.db, scope });

const base = "http://localhost:3000/api/v1/leave-requests";
const context = { params: Promise.resolve({}) };
const sameSite = { origin: "http://localhost:3000", host: "localhost:3000" };
const post = (body: unknown, headers: Record<string, string> = sameSite) =>
  POST(
    new Request(base, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    context,
  );
const postForm = (form: FormData, headers: Record<string, string> = sameSite) =>
  POST(new Request(base, { method: "POST", headers, body: form }), context);
const request = (extra: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  activityId,
  type: "sick",
  reason: "发烧住院",
  ...extra,
});
const rowsOf = (memberId: number) => county.db.select().from(leaveRequests).where(eq(leaveRequests.memberId, memberId));

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

beforeAll(async () => {
  county = await demoCounty();
  const _admin = await county.scopeOf(phones.countyAdmin);
  activityId = (await county.themeDay({ title: "学党章 守纪律", startsAt: new Date(Date.now() + 3 * 86_400_000) }))
    .activity.id;
  people = await county.homeMembers(7);
});
afterAll(() => county.close());
beforeEach(() => as(null));

describe("POST /api/v1/leave-requests", () => {
  it("answers a replay of the same client id with the first answer, and keeps one request", async () => {
    as(people[0]);
    const body = request();
    const first = await post(body);
    const again = await post(body);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(await first.text());
    expect(await rowsOf(people[0].userId)).toHaveLength(1);
  });

  it("makes one request from concurrent replays, and refuses a second live request under another id", async () => {
    as(people[1]);
    const body = request({ type: "official", reason: "参加县里培训" });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(new Set(texts).size).toBe(1);
    expect(await rowsOf(people[1].userId)).toHaveLength(1);

    as(people[2]);
    const racing = await Promise.all([post(request()), post(request()), post(request())]);
    expect(racing.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const refused = await racing.find((a) => a.status === 409)!.json();
    expect(refused).toMatchObject({
      ok: false,
      code: "conflict",
      error: t.leave.alreadyOpen,
    });
    expect(await rowsOf(people[2].userId)).toHaveLength(1);
  });

  it("refuses someone else's client id, a missing reason, a foreign Origin and a signed-out caller", async () => {
    as(people[4]);
    const body = request();
    expect((await post(body)).status).toBe(200);
    as(people[3]);
    expect((await post(body)).status).toBe(409);
    const empty = await post(request({ reason: "  " }));
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ fields: { reason: "请填写请假事由" } });
    expect((await post(request(), { origin: "https://evil.example", host: "localhost:3000" })).status).toBe(403);
    as(null);
    expect((await post(request())).status).toBe(401);
    expect(await rowsOf(people[3].userId)).toHaveLength(0);
  });

  it("takes an attachment in a multipart request, checked by size and content, and serves it back to the branch", async () => {
    as(people[3]);
    const form = (file: File) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(request({ type: "sick", reason: "住院，附诊断证明" }))) f.set(k, String(v));
      f.set("attachment", file);
      return f;
    };
    const tooBig = await postForm(
      form(new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "scan.pdf", { type: "application/pdf" })),
    );
    expect(tooBig.status).toBe(400);
    expect(await tooBig.json()).toMatchObject({
      fields: { attachment: "只支持 JPG、PNG、WebP 图片或 PDF，且不超过 5 MB。" },
    });
    const notPdf = await postForm(form(new File(["hello"], "note.pdf", { type: "application/pdf" })));
    expect(notPdf.status).toBe(400);
    expect(await rowsOf(people[3].userId)).toHaveLength(0);

    const ok = await postForm(form(new File([png], "note.png", { type: "image/png" })));
    expect(ok.status).toBe(200);
    const { data } = await ok.json();
    as(county.secretary);
    const file = await attachmentRoute.GET(new Request(`${base}/${data.id}/attachment`), {
      params: Promise.resolve({ leaveId: String(data.id) }),
    });
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
    as(await county.scopeOf("13800000011"));
    const foreign = await attachmentRoute.GET(new Request(`${base}/${data.id}/attachment`), {
      params: Promise.resolve({ leaveId: String(data.id) }),
    });
    expect(foreign.status).toBe(403);
  });
});

describe("an outbox item queued by someone else on the same phone", () => {
  it("is refused with a clear 403, JSON or multipart, and files nothing for the person signed in now", async () => {
    const [queuedBy, signedIn] = [people[5], people[6]];
    as(signedIn);
    const stale = await post(request({ reason: "前一位党员的事由" }), {
      ...sameSite,
      [OWNER_HEADER]: String(queuedBy.userId),
    });
    expect(stale.status).toBe(403);
    expect(await stale.json()).toMatchObject({ ok: false, code: "forbidden", error: t.errors.notOwner });
    const form = new FormData();
    for (const [k, v] of Object.entries(request({ reason: "前一位党员的事由" }))) form.set(k, String(v));
    form.set("attachment", new File([png], "note.png", { type: "image/png" }));
    const staleForm = await postForm(form, { ...sameSite, [OWNER_HEADER]: String(queuedBy.userId) });
    expect(staleForm.status).toBe(403);
    expect(await rowsOf(signedIn.userId)).toHaveLength(0);
    expect(await rowsOf(queuedBy.userId)).toHaveLength(0);
    const denied = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, signedIn.userId), eq(auditLog.action, "leave.request")));
    expect(denied.map((a) => a.outcome)).toEqual(["denied", "denied"]);

    const own = await post(request(), { ...sameSite, [OWNER_HEADER]: String(signedIn.userId) });
    expect(own.status).toBe(200);
    expect(await rowsOf(signedIn.userId)).toHaveLength(1);
  });
});

describe("GET /api/v1/leave-requests/export", () => {
  it("gives the secretary one activity's leave list as .xlsx, and nobody outside the branch", async () => {
    as(county.secretary);
    const answer = await exportRoute.GET(new Request(`${base}/export?activityId=${activityId}`), context);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toContain("attachment");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await answer.arrayBuffer());
    const sheet = workbook.getWorksheet("请假名单")!;
    expect(sheet.getRow(2).getCell(1).value).toBe("姓名");
    expect(sheet.rowCount).toBe(
      2 + (await county.db.select().from(leaveRequests).where(eq(leaveRequests.activityId, activityId))).length,
    );
    expect(sheet.getRow(3).getCell(4).value).toBe(t.leave.status.pending);

    as(await county.scopeOf("13800000011"));
    expect((await exportRoute.GET(new Request(`${base}/export?activityId=${activityId}`), context)).status).toBe(403);
  });
});
