import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  isAppCode,
  mayUseTotp,
  newRecoveryCodes,
  newTotpSecret,
  requiresTotp,
  totpCode,
  totpStep,
} from "@/lib/totp";

const at = new Date("2026-11-26T03:00:05Z");
const later = (seconds: number) => new Date(at.getTime() + seconds * 1000);

describe("TOTP codes", () => {
  it("accepts the current code and one step either side, nothing further, and never a step already used", async () => {
    const secret = newTotpSecret();
    const step = await totpStep(secret, await totpCode(secret, at), at, null);
    expect(step).toBe(Math.floor(at.getTime() / 30_000));
    expect(await totpStep(secret, await totpCode(secret, later(-30)), at, null)).toBe(step! - 1);
    expect(await totpStep(secret, await totpCode(secret, later(30)), at, null)).toBe(step! + 1);
    expect(await totpStep(secret, await totpCode(secret, later(-90)), at, null)).toBeNull();
    expect(await totpStep(secret, await totpCode(secret, at), at, step)).toBeNull();
    expect(await totpStep(secret, "12345", at, null)).toBeNull();
    expect(await totpStep(secret, "abcdef", at, null)).toBeNull();
  });

  it("makes ten distinct recovery codes readable off paper, forgiving case, spaces and dashes", () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect(hashRecoveryCode(codes[0].toLowerCase().replace(/-/g, " "))).toBe(hashRecoveryCode(codes[0]));
    expect(hashRecoveryCode(codes[0])).not.toBe(hashRecoveryCode(codes[1]));
    expect(isAppCode("123 456")).toBe(true);
    expect(isAppCode(codes[0])).toBe(false);
  });

  it("is required for county and committee admins, optional for secretaries, not for members or grid workers", () => {
    expect(requiresTotp([{ role: "county_admin" }])).toBe(true);
    expect(requiresTotp([{ role: "committee_admin" }])).toBe(true);
    expect(requiresTotp([{ role: "secretary" }])).toBe(false);
    expect(mayUseTotp([{ role: "secretary" }])).toBe(true);
    expect(mayUseTotp([{ role: "grid_worker" }])).toBe(false);
    expect(mayUseTotp([])).toBe(false);
  });
});
