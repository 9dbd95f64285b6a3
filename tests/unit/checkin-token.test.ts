import { describe, expect, it } from "vitest";
import { codeFor, recordedAt, type Scan, STEP_MS, stepAt, typedStepInWindow, verifyScan } from "@/lib/checkin-token";

const secret = "s3cret-of-activity-7";
const opensAt = new Date("2026-12-01T00:30:00Z");
const closesAt = new Date("2026-12-01T03:00:00Z");
const now = new Date("2026-12-01T01:05:07Z");
const step = stepAt(now.getTime());
const scan = async (over: Partial<Scan> & { atStep?: number } = {}): Promise<Scan> => {
  const s = over.atStep ?? step;
  return { secret, activityId: 7, code: await codeFor(secret, 7, s), step: s, opensAt, closesAt, now, ...over };
};

describe("codeFor", () => {
  it("gives six digits, the same for the same step and different across steps, activities and secrets", async () => {
    const a = await codeFor(secret, 7, step);
    expect(a).toMatch(/^\d{6}$/);
    expect(await codeFor(secret, 7, step)).toBe(a);
    const others = [
      await codeFor(secret, 7, step + 1),
      await codeFor(secret, 8, step),
      await codeFor("other", 7, step),
    ];
    expect(others).not.toContain(a);
  });

  it("changes every 15 seconds", () => {
    expect(stepAt(now.getTime() + STEP_MS) - stepAt(now.getTime())).toBe(1);
  });
});

describe("verifyScan online", () => {
  it("accepts the current step and one step either side", async () => {
    for (const d of [-1, 0, 1])
      expect(await verifyScan(await scan({ atStep: step + d }))).toEqual({ ok: true, step: step + d, offline: false });
  });

  it("calls a code two steps old expired, and a tampered one wrong", async () => {
    expect(await verifyScan(await scan({ atStep: step - 2 }))).toEqual({ ok: false, reason: "expired" });
    const good = await scan();
    const tampered = String((Number(good.code) + 1) % 1_000_000).padStart(6, "0");
    expect(await verifyScan({ ...good, code: tampered })).toEqual({ ok: false, reason: "bad_code" });
    expect(await verifyScan({ ...good, activityId: 8 })).toEqual({ ok: false, reason: "bad_code" });
  });

  it("finds the step of a typed code near server time", async () => {
    const typed = await scan({ atStep: step - 1 });
    expect(await verifyScan({ ...typed, step: undefined })).toEqual({ ok: true, step: step - 1, offline: false });
  });

  it("refuses outside the window", async () => {
    const late = new Date(closesAt.getTime() + 60_000);
    const s = stepAt(late.getTime());
    expect(await verifyScan({ ...(await scan({ atStep: s })), now: late })).toEqual({
      ok: false,
      reason: "window_closed",
    });
  });
});

describe("verifyScan offline replay", () => {
  const scannedAt = new Date("2026-12-01T00:59:00Z");
  const offlineStep = stepAt(scannedAt.getTime());
  const later = new Date("2026-12-01T05:00:00Z");

  it("accepts a scan hours later if its step is in the window and matches the device time within two steps", async () => {
    for (const d of [-2, 0, 2]) {
      const s = await scan({ atStep: offlineStep + d, scannedAt, now: later });
      expect(await verifyScan(s)).toEqual({ ok: true, step: offlineStep + d, offline: true });
    }
  });

  it("refuses a step three away from the claimed time, a claim from the future, or a step outside the window", async () => {
    expect(await verifyScan(await scan({ atStep: offlineStep + 3, scannedAt, now: later }))).toMatchObject({
      ok: false,
    });
    expect(
      await verifyScan(await scan({ atStep: offlineStep, scannedAt: new Date(later.getTime() + 60_000), now: later })),
    ).toMatchObject({ ok: false });
    const before = new Date(opensAt.getTime() - 10 * 60_000);
    expect(await verifyScan(await scan({ atStep: stepAt(before.getTime()), scannedAt: before, now: later }))).toEqual({
      ok: false,
      reason: "window_closed",
    });
  });
});

describe("typedStepInWindow (长辈模式)", () => {
  const typed = async (atStep: number) => ({
    secret,
    activityId: 7,
    code: await codeFor(secret, 7, atStep),
    opensAt,
    closesAt,
    now,
  });
  it("finds a code shown at any step from the opening of the window up to now", async () => {
    const early = stepAt(opensAt.getTime()) + 3;
    expect(await typedStepInWindow(await typed(early))).toBe(early);
    expect(await typedStepInWindow(await typed(step - 100))).toBe(step - 100);
  });
  it("refuses codes from before the window, from the future, and wrong codes", async () => {
    expect(await typedStepInWindow(await typed(stepAt(opensAt.getTime()) - 5))).toBeNull();
    expect(await typedStepInWindow(await typed(step + 20))).toBeNull();
    const right = await codeFor(secret, 7, step);
    expect(
      await typedStepInWindow({ ...(await typed(step)), code: right === "000000" ? "111111" : "000000" }),
    ).toBeNull();
  });
});

describe("a code sent at once with its device time", () => {
  it("is judged online: typed 30 s late it is expired, not an offline check-in", async () => {
    const typed = await scan({ atStep: step - 2 });
    expect(await verifyScan({ ...typed, step: undefined, scannedAt: now })).toEqual({ ok: false, reason: "expired" });
    expect(await verifyScan({ ...typed, scannedAt: now })).toEqual({ ok: false, reason: "expired" });
  });

  it("calls a typed code from a few minutes ago expired, and one never shown wrong", async () => {
    expect(await verifyScan({ ...(await scan({ atStep: step - 12 })), step: undefined })).toEqual({
      ok: false,
      reason: "expired",
    });
    const right = await codeFor(secret, 7, step);
    expect(
      await verifyScan({ ...(await scan()), step: undefined, code: right === "000000" ? "111111" : "000000" }),
    ).toMatchObject({ ok: false });
  });
});

describe("recordedAt", () => {
  const arrival = new Date("2026-12-01T03:30:00Z");
  const shown = step * STEP_MS;
  it("keeps a device time only inside the step the code proves and before the arrival", () => {
    expect(recordedAt(step, arrival, new Date(shown + 5_000)).getTime()).toBe(shown + 5_000);
    expect(recordedAt(step, arrival, new Date(shown - 25_000)).getTime()).toBe(shown);
    expect(recordedAt(step, arrival, new Date(shown + 29_000)).getTime()).toBe(shown + STEP_MS - 1);
    expect(recordedAt(step, arrival, new Date(arrival.getTime() + 60_000)).getTime()).toBeLessThan(shown + STEP_MS);
    expect(recordedAt(step, now)).toEqual(now);
  });
});
