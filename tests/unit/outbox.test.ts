import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OutboxItem } from "@/components/outbox/store";
import { t } from "@/lib/messages";

// The IndexedDB store, in memory: what is under test is which answers keep an item and which settle it.
const rows = new Map<string, OutboxItem>();
vi.mock("@/components/outbox/store", () => ({
  putItem: async (item: OutboxItem) => void rows.set(item.clientId, structuredClone(item)),
  getItem: async (clientId: string) => rows.get(clientId),
  deleteItem: async (clientId: string) => void rows.delete(clientId),
  itemsOf: async (userId: number) =>
    [...rows.values()].filter((i) => i.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  SYNC_TAG: "zhibu-outbox",
  // The same decision as the store's transaction, on the map.
  claimItem: async (clientId: string, timeoutMs: number) => {
    const item = rows.get(clientId);
    const busy =
      item?.state === "sending" &&
      item.sendingSince !== undefined &&
      Date.now() - Date.parse(item.sendingSince) < timeoutMs;
    if (!item || item.state === "sent" || item.state === "refused" || busy) return null;
    const claimed = {
      ...item,
      state: "sending" as const,
      attempts: item.attempts + 1,
      sendingSince: new Date().toISOString(),
    };
    rows.set(clientId, structuredClone(claimed));
    return claimed;
  },
}));

const { deliver, flush, MAX_HELD } = await import("@/components/outbox/deliver");
const { keeps, send, timeoutFor } = await import("@/components/outbox/send");
const { submit } = await import("@/components/outbox/outbox");
const { setOutboxUser } = await import("@/components/outbox/user");
const { ownerMatches, OWNER_HEADER } = await import("@/lib/outbox-owner");
const { pwa } = await import("@/lib/messages/pwa");
const messages = { network: "已保存在本机", server: "系统繁忙" };

function item(clientId: string, userId = 1): OutboxItem {
  return {
    clientId,
    userId,
    kind: "checkin",
    label: "签到码 123456",
    url: "/api/v1/checkins",
    body: { clientId },
    createdAt: new Date().toISOString(),
    state: "pending",
    attempts: 0,
    lastAnswer: null,
  };
}

function answer(status: number, body: unknown) {
  return vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }),
  );
}

beforeEach(() => {
  rows.clear();
  vi.unstubAllGlobals();
  setOutboxUser(null);
});

describe("the one rule of what stays queued", () => {
  it.each([
    [null, true],
    [500, true],
    [503, true],
    [401, true],
    [408, true],
    [429, true],
    [200, false],
    [400, false],
    [403, false],
    [404, false],
    [409, false],
    [413, false],
  ])("%s keeps the write: %s", (status, kept) => {
    expect(keeps(status)).toBe(kept);
  });

  it("files an item only for the person who queued it", () => {
    expect(ownerMatches(null, 7)).toBe(true);
    expect(ownerMatches("7", 7)).toBe(true);
    expect(ownerMatches("8", 7)).toBe(false);
    expect(ownerMatches("", 7)).toBe(false);
  });
});

describe("the one sender", () => {
  it("sends JSON with the owner's id, same-origin, with a time-out", async () => {
    const fetch = answer(200, { ok: true, data: { message: "已提交" } });
    vi.stubGlobal("fetch", fetch);
    const result = await send({ url: "/api/v1/leave-requests", body: { reason: "出差" }, owner: 4 }, messages);
    expect(result).toMatchObject({ outcome: "sent", status: 200, message: "已提交" });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/leave-requests");
    expect(init).toMatchObject({
      method: "POST",
      credentials: "same-origin",
      body: JSON.stringify({ reason: "出差" }),
    });
    expect(init.headers).toEqual({ "Content-Type": "application/json", [OWNER_HEADER]: "4" });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("sends fields and files as multipart, with more time for the bytes", async () => {
    const fetch = answer(200, { ok: true, data: {} });
    vi.stubGlobal("fetch", fetch);
    const blob = new Blob([new Uint8Array(320_000)], { type: "image/png" });
    const write = {
      url: "/api/v1/leave-requests",
      body: { clientId: "a", late: "on" },
      files: { attachment: { blob, name: "假条.png" } },
      owner: 4,
    };
    await send(write, messages);
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    const form = init.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get("clientId")).toBe("a");
    expect(form.get("late")).toBe("on");
    expect((form.get("attachment") as File).name).toBe("假条.png");
    expect((form.get("attachment") as File).size).toBe(320_000);
    // The browser writes the multipart boundary into Content-Type itself.
    expect(init.headers).toEqual({ [OWNER_HEADER]: "4" });
    expect(timeoutFor(write)).toBeGreaterThan(timeoutFor({}));
  });

  it("gives a refusal with the server's words and field errors, and keeps on no answer", async () => {
    vi.stubGlobal("fetch", answer(404, { ok: false, error: "找不到该活动", fields: { activityId: "找不到该活动" } }));
    expect(await send({ url: "/x", body: {}, owner: 1 }, messages)).toEqual({
      outcome: "refused",
      status: 404,
      message: "找不到该活动",
      fields: { activityId: "找不到该活动" },
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new DOMException("timed out", "TimeoutError"))),
    );
    expect(await send({ url: "/x", body: {}, owner: 1 }, messages)).toEqual({
      outcome: "kept",
      status: null,
      message: messages.network,
    });
    vi.stubGlobal("fetch", answer(502, "<html>bad gateway</html>"));
    expect(await send({ url: "/x", body: {}, owner: 1 }, messages)).toEqual({
      outcome: "kept",
      status: 502,
      message: messages.server,
    });
  });

  it.each([401, 408, 429, 503])(
    "a write outside the outbox follows the same rule: %i is not sent, and says so",
    async (status) => {
      vi.stubGlobal("fetch", answer(status, { ok: false, error: "稍后再试" }));
      const result = await submit({ kind: "checkin", url: "/api/v1/checkins", clientId: "a", label: "签到", body: {} });
      expect(result).toMatchObject({ outcome: "kept", status, queued: false, message: "稍后再试" });
      expect(rows.size).toBe(0);
    },
  );

  it("a write outside the outbox with no network is not said to be saved", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    const result = await submit({ kind: "checkin", url: "/api/v1/checkins", clientId: "a", label: "签到", body: {} });
    expect(result).toMatchObject({ outcome: "kept", queued: false, message: pwa.notSent });
  });

  it("queues a write with its attachment and owner, and leaves nothing once it has a definite answer", async () => {
    setOutboxUser(4);
    let stored: OutboxItem | undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        stored = rows.get("a");
        return new Response(JSON.stringify({ ok: false, error: t.reach.reason.too_late }), { status: 400 });
      }),
    );
    const blob = new Blob(["pdf"], { type: "application/pdf" });
    const result = await submit({
      kind: "leave",
      url: "/api/v1/leave-requests",
      clientId: "a",
      label: "病假",
      body: { clientId: "a" },
      files: { attachment: { blob, name: "a.pdf" } },
    });
    expect(result).toMatchObject({ outcome: "refused", message: t.reach.reason.too_late, queued: false });
    expect(stored).toMatchObject({ userId: 4, state: "sending", files: { attachment: { name: "a.pdf" } } });
    expect(rows.size).toBe(0);
  });

  it("keeps a queued write that had no answer, and says it is saved", async () => {
    setOutboxUser(4);
    vi.stubGlobal("navigator", {}); // no service worker here: no Background Sync to ask for
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    const result = await submit({
      kind: "leave",
      url: "/api/v1/leave-requests",
      clientId: "a",
      label: "病假",
      body: { clientId: "a" },
    });
    expect(result).toMatchObject({ outcome: "kept", queued: true });
    expect(rows.get("a")).toMatchObject({ userId: 4, state: "pending" });
  });
});

describe("outbox delivery", () => {
  it("keeps an item on a network error, with the reason to show", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    rows.set("a", item("a"));
    const result = await deliver(rows.get("a")!, messages);
    expect(result).toMatchObject({ outcome: "kept", status: null });
    expect(rows.get("a")).toMatchObject({
      state: "pending",
      attempts: 1,
      lastAnswer: { status: null, message: "已保存在本机" },
    });
  });

  it.each([500, 502, 503, 401, 408, 429])("keeps an item on %i", async (status) => {
    vi.stubGlobal("fetch", answer(status, { ok: false, error: "暂不可用" }));
    rows.set("a", item("a"));
    expect(await deliver(rows.get("a")!, messages)).toMatchObject({ outcome: "kept", status });
    expect(rows.get("a")?.state).toBe("pending");
  });

  it("settles an item on a 2xx with the server's message", async () => {
    vi.stubGlobal("fetch", answer(200, { ok: true, data: { message: "签到成功" } }));
    rows.set("a", item("a"));
    expect(await deliver(rows.get("a")!, messages)).toMatchObject({ outcome: "sent", message: "签到成功" });
    expect(rows.get("a")).toMatchObject({ state: "sent", lastAnswer: { status: 200, message: "签到成功" } });
  });

  it("settles an item on a 4xx that says why, with its field errors", async () => {
    vi.stubGlobal("fetch", answer(400, { ok: false, error: "签到码不正确", fields: { code: "签到码不正确" } }));
    rows.set("a", item("a"));
    expect(await deliver(rows.get("a")!, messages)).toMatchObject({
      outcome: "refused",
      status: 400,
      fields: { code: "签到码不正确" },
    });
    expect(rows.get("a")?.state).toBe("refused");
  });

  it("keeps only the answer of a settled item, not what was written", async () => {
    vi.stubGlobal("fetch", answer(200, { ok: true, data: { message: "已提交" } }));
    rows.set("a", {
      ...item("a"),
      body: { reason: "住院治疗" },
      files: { attachment: { blob: new Blob(["x"]), name: "x.png" } },
    });
    await deliver(rows.get("a")!, messages);
    expect(rows.get("a")).toMatchObject({ state: "sent", body: {}, lastAnswer: { message: "已提交" } });
    expect(rows.get("a")?.files).toBeUndefined();
  });

  it("does not retry a 4xx forever: after a few held answers in a row the item is refused with its answer", async () => {
    vi.stubGlobal("fetch", answer(429, { ok: false, error: "操作过于频繁" }));
    rows.set("a", item("a"));
    for (let i = 1; i < MAX_HELD; i++) {
      expect(await deliver(rows.get("a")!, messages)).toMatchObject({ outcome: "kept", status: 429 });
      expect(rows.get("a")).toMatchObject({ state: "pending", held: i });
    }
    expect(await deliver(rows.get("a")!, messages)).toMatchObject({
      outcome: "refused",
      status: 429,
      message: "操作过于频繁",
    });
    expect(rows.get("a")).toMatchObject({ state: "refused", lastAnswer: { status: 429, message: "操作过于频繁" } });
  });

  it("counts held answers only in a row: a 5xx or no answer starts again", async () => {
    rows.set("a", { ...item("a"), held: MAX_HELD - 1 });
    vi.stubGlobal("fetch", answer(503, { ok: false, error: "忙" }));
    await deliver(rows.get("a")!, messages);
    expect(rows.get("a")).toMatchObject({ state: "pending", held: 0 });
  });

  it("sends the JSON body as a same-origin POST with a time-out and its owner", async () => {
    const fetch = answer(200, { ok: true, data: {} });
    vi.stubGlobal("fetch", fetch);
    rows.set("a", item("a"));
    await deliver(rows.get("a")!, messages);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/checkins");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: JSON.stringify({ clientId: "a" }) });
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect((init.headers as Record<string, string>)[OWNER_HEADER]).toBe("1");
  });
});

describe("outbox flush", () => {
  it("leaves an item another sender is on, but takes one whose try was lost with its page", async () => {
    const fetch = answer(200, { ok: true, data: {} });
    vi.stubGlobal("fetch", fetch);
    rows.set("busy", { ...item("busy"), state: "sending", sendingSince: new Date().toISOString() });
    rows.set("lost", { ...item("lost"), state: "sending", sendingSince: "2020-01-01T00:00:00Z" });
    expect(await flush(1, messages)).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(rows.get("lost")?.state).toBe("sent");
    expect(rows.get("busy")?.state).toBe("sending");
  });

  it("sends only the signed-in person's items, oldest first, and counts what is left", async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      const { clientId } = JSON.parse(String(init?.body));
      return new Response(JSON.stringify(clientId === "b" ? { ok: false, error: "忙" } : { ok: true, data: {} }), {
        status: clientId === "b" ? 503 : 200,
      });
    });
    vi.stubGlobal("fetch", fetch);
    rows.set("a", { ...item("a"), createdAt: "2025-01-01T00:00:00Z" });
    rows.set("b", { ...item("b"), createdAt: "2025-01-01T00:01:00Z" });
    rows.set("c", { ...item("c", 2), createdAt: "2025-01-01T00:02:00Z" });
    expect(await flush(1, messages)).toBe(1);
    expect(fetch.mock.calls.map((c) => JSON.parse(String(c[1]?.body)).clientId)).toEqual(["a", "b"]);
    expect(rows.get("c")?.state).toBe("pending");
  });

  it("stops at the first network error: the rest would fail the same way", async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError("offline")));
    vi.stubGlobal("fetch", fetch);
    rows.set("a", { ...item("a"), createdAt: "2025-01-01T00:00:00Z" });
    rows.set("b", { ...item("b"), createdAt: "2025-01-01T00:01:00Z" });
    expect(await flush(1, messages)).toBe(2);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("drops answers the person has had days to read", async () => {
    rows.set("old", {
      ...item("old"),
      state: "sent",
      lastAnswer: { status: 200, message: "", at: "2020-01-01T00:00:00Z" },
    });
    rows.set("new", {
      ...item("new"),
      state: "refused",
      lastAnswer: { status: 400, message: "", at: new Date().toISOString() },
    });
    await flush(1, messages);
    expect([...rows.keys()]).toEqual(["new"]);
  });
});
