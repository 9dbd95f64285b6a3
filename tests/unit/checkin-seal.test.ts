import { describe, expect, it } from "vitest";
import { openSeal, SIGN_IN_GRACE_MS, sealScan } from "@/lib/checkin-seal";
import { sealedCheckinPath, sealParams } from "@/lib/checkin-url";

const key = "server-key-of-at-least-32-characters!!";
const seenAt = Date.UTC(2026, 11, 1, 1, 0, 0);
const scan = { activityId: 7, step: 117_000, code: "123456", seenAt };

describe("the seal of a scan that goes through sign-in", () => {
  it("opens within the grace to the time the scan arrived", async () => {
    const seal = await sealScan(key, scan);
    expect(await openSeal(key, scan, seal, new Date(seenAt + 40_000))).toEqual(new Date(seenAt));
  });

  it("does not open for another key, scan or time, when too old, or from the future", async () => {
    const seal = await sealScan(key, scan);
    const later = new Date(seenAt + 40_000);
    expect(await openSeal("another-key-of-at-least-32-characters", scan, seal, later)).toBeNull();
    expect(await openSeal(key, { ...scan, step: scan.step - 100 }, seal, later)).toBeNull();
    expect(await openSeal(key, { ...scan, code: "654321" }, seal, later)).toBeNull();
    expect(await openSeal(key, { ...scan, seenAt: seenAt - 60_000 }, seal, later)).toBeNull();
    expect(await openSeal(key, scan, seal, new Date(seenAt + SIGN_IN_GRACE_MS + 1))).toBeNull();
    expect(await openSeal(key, scan, seal, new Date(seenAt - 1))).toBeNull();
  });

  it("travels in the /c address and is read back", async () => {
    const seal = await sealScan(key, scan);
    const url = new URL(sealedCheckinPath(scan, { seenAt, seal }), "https://zhibu.example");
    expect(sealParams(url.searchParams.get("t"), url.searchParams.get("v"))).toEqual({ seenAt, seal });
    expect(sealParams("12x", seal)).toBeNull();
    expect(sealParams(String(seenAt), "zz")).toBeNull();
  });
});
