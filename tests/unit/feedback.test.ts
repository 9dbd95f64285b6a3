import { describe, expect, it } from "vitest";
import { answeredLate, dueAt, groupedReceipt, isOverdue, normalReceipt, receiptFrom } from "@/lib/feedback";
import { LOOKUP_FAILURES, publicLockedUntil, SEND_LIMIT, SEND_WINDOW_MS } from "@/lib/feedback-throttle";
import { safeNext } from "@/lib/privacy";
import { receiptInput, sendFeedbackInput } from "@/lib/validation/feedback";

const at = (iso: string) => new Date(iso);

describe("feedback deadlines", () => {
  const sent = at("2026-12-01T02:00:00Z");
  const due = dueAt(sent, 15);
  it("is due the set number of days after it was sent", () => {
    expect(due.toISOString()).toBe("2026-12-16T02:00:00.000Z");
  });
  it("is overdue only while open and past its deadline", () => {
    expect(isOverdue({ status: "open", dueAt: due, answeredAt: null }, at("2026-12-16T01:59:00Z"))).toBe(false);
    expect(isOverdue({ status: "open", dueAt: due, answeredAt: null }, at("2026-12-16T02:01:00Z"))).toBe(true);
    expect(
      isOverdue({ status: "answered", dueAt: due, answeredAt: at("2026-12-20T00:00:00Z") }, at("2027-01-01T00:00:00Z")),
    ).toBe(false);
  });
  it("an answer after the deadline stays marked late", () => {
    expect(answeredLate({ status: "answered", dueAt: due, answeredAt: at("2026-12-20T00:00:00Z") })).toBe(true);
    expect(answeredLate({ status: "answered", dueAt: due, answeredAt: at("2026-12-02T00:00:00Z") })).toBe(false);
  });
});

describe("receipt codes", () => {
  it("are 12 characters without look-alikes, typed back in any case and grouping", () => {
    const code = receiptFrom(new Uint8Array(16).map((_, i) => i * 17));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(normalReceipt(groupedReceipt(code).toLowerCase())).toBe(code);
    expect(receiptInput.safeParse({ receipt: ` ${groupedReceipt(code).toLowerCase()} ` }).data?.receipt).toBe(code);
    expect(receiptInput.safeParse({ receipt: "0OIL0OIL0OIL" }).success).toBe(false);
  });
});

describe("the public throttle", () => {
  const now = at("2026-12-01T10:00:00Z");
  const ago = (ms: number, succeeded = true) => ({ succeeded, createdAt: new Date(now.getTime() - ms) });
  it("lets five sends an hour through and refuses the sixth until the oldest is an hour old", () => {
    const five = Array.from({ length: SEND_LIMIT }, (_, i) => ago(i * 60_000));
    expect(publicLockedUntil("feedback", five, now)).toBeNull();
    const six = [...five, ago(0)];
    expect(publicLockedUntil("feedback", six, now)).toEqual(new Date(now.getTime() + SEND_WINDOW_MS - 4 * 60_000));
    expect(
      publicLockedUntil(
        "feedback",
        five.map((a) => ({ ...a, createdAt: new Date(a.createdAt.getTime() - SEND_WINDOW_MS) })),
        now,
      ),
    ).toBeNull();
  });
  it("counts only wrong receipt codes", () => {
    const right = Array.from({ length: 50 }, () => ago(1000, true));
    expect(publicLockedUntil("receipt", right, now)).toBeNull();
    const wrong = Array.from({ length: LOOKUP_FAILURES + 1 }, () => ago(1000, false));
    expect(publicLockedUntil("receipt", wrong, now)).not.toBeNull();
  });
});

describe("feedback input", () => {
  it("about a branch names the branch; about the app names none", () => {
    const base = { kind: "complaint", body: "签到太麻烦" };
    expect(sendFeedbackInput.safeParse({ ...base, subject: "branch" }).success).toBe(false);
    expect(sendFeedbackInput.safeParse({ ...base, subject: "branch", branchId: "7" }).success).toBe(true);
    expect(sendFeedbackInput.safeParse({ ...base, subject: "app", branchId: "7" }).success).toBe(false);
    expect(sendFeedbackInput.safeParse({ ...base, subject: "app", branchId: "" }).success).toBe(true);
    expect(sendFeedbackInput.safeParse({ ...base, subject: "app", body: "  " }).success).toBe(false);
    expect(sendFeedbackInput.safeParse({ ...base, subject: "app", body: "a\u0000b" }).success).toBe(false);
  });
});

describe("where the notice sends the person on", () => {
  it("only to one of our own paths", () => {
    expect(safeNext("/leave?x=1")).toBe("/leave?x=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "/privacy?next=/x", "", undefined])
      expect(safeNext(bad)).toBe("/");
  });
});
