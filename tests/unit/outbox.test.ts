import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OutboxItem } from "@/components/outbox/store";

// The IndexedDB store, in memory: what is under test is which answers keep an item and which settle it.
const rows = new Map<string, OutboxItem>();
vi.mock("@/components/outbox/store", () => ({
  putItem: async (item: OutboxItem) => void rows.set(item.clientId, structuredClone(item)),
  getItem: async (clientId: string) => rows.get(clientId),
  deleteItem: async (clientId: string) => void rows.delete(clientId),
  itemsOf: async (userId: number) => [...rows.values()].filter((i) => i.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
}));

const { deliver, flush } = await import("@/components/outbox/deliver");
const messages = { network: "已保存在本机", server: "系统繁忙" };

function item(clientId: string, userId = 1): OutboxItem {
  return { clientId, userId, kind: "checkin", label: "签到码 123456", url: "/api/v1/checkins", body: { clientId }, createdAt: new Date().toISOString(), state: "pending", attempts: 0, lastAnswer: null };
}

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }));
}

beforeEach(() => {
  rows.clear();
  vi.unstubAllGlobals();
});

describe("outbox delivery", () => {
  it("keeps an item on a network error, with the reason to show", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    rows.set("a", item("a"));
    const result = await deliver(rows.get("a")!, messages);
    expect(result).toMatchObject({ outcome: "kept", status: null });
    expect(rows.get("a")).toMatchObject({ state: "pending", attempts: 1, lastAnswer: { status: null, message: "已保存在本机" } });
  });

  it.each([500, 502, 503, 401, 429])("keeps an item on %i", async (status) => {
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
    expect(await deliver(rows.get("a")!, messages)).toMatchObject({ outcome: "refused", status: 400, fields: { code: "签到码不正确" } });
    expect(rows.get("a")?.state).toBe("refused");
  });

  it("sends the JSON body as a same-origin POST with a time-out", async () => {
    const fetch = answer(200, { ok: true, data: {} });
    vi.stubGlobal("fetch", fetch);
    rows.set("a", item("a"));
    await deliver(rows.get("a")!, messages);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/checkins");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", body: JSON.stringify({ clientId: "a" }) });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe("outbox flush", () => {
  it("sends only the signed-in person's items, oldest first, and counts what is left", async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      const { clientId } = JSON.parse(String(init?.body));
      return new Response(JSON.stringify(clientId === "b" ? { ok: false, error: "忙" } : { ok: true, data: {} }), { status: clientId === "b" ? 503 : 200 });
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
    rows.set("old", { ...item("old"), state: "sent", lastAnswer: { status: 200, message: "", at: "2020-01-01T00:00:00Z" } });
    rows.set("new", { ...item("new"), state: "refused", lastAnswer: { status: 400, message: "", at: new Date().toISOString() } });
    await flush(1, messages);
    expect([...rows.keys()]).toEqual(["new"]);
  });
});
