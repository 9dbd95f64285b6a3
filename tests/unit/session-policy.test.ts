import { describe, expect, it } from "vitest";
import type { Scope } from "@/lib/scope";
import { needsTouch, sessionEnded } from "@/lib/session-policy";

const member: Scope = { userId: 1, grants: [], member: { branchId: 3, branchPath: "/1/2/3/" } };
const secretary: Scope = { ...member, grants: [{ role: "secretary", nodeId: 3, path: "/1/2/3/" }] };
const gridWorker: Scope = { userId: 2, grants: [{ role: "grid_worker", nodeId: 9, path: "/9/" }], member: null };
const countyAdmin: Scope = { userId: 3, grants: [{ role: "county_admin", nodeId: 1, path: "/1/" }], member: null };
const committeeAdmin: Scope = {
  userId: 4,
  grants: [{ role: "committee_admin", nodeId: 2, path: "/1/2/" }],
  member: null,
};

const now = Date.UTC(2025, 2, 1, 2);
const min = 60_000;
const hour = 60 * min;
const day = 24 * hour;

describe("idle limit", () => {
  it("30 minutes for secretaries, grid workers and admins", () => {
    for (const scope of [secretary, gridWorker, countyAdmin, committeeAdmin]) {
      expect(sessionEnded({ since: now - hour, seen: now - 29 * min }, scope, now)).toBeNull();
      expect(sessionEnded({ since: now - hour, seen: now - 30 * min }, scope, now)).toBe("idle");
    }
  });
  it("7 days for members", () => {
    expect(sessionEnded({ since: now - 8 * day, seen: now - 6 * day }, member, now)).toBeNull();
    expect(sessionEnded({ since: now - 8 * day, seen: now - 7 * day }, member, now)).toBe("idle");
  });
});

describe("absolute limit", () => {
  it("12 hours for admins, however active", () => {
    for (const scope of [countyAdmin, committeeAdmin]) {
      expect(sessionEnded({ since: now - 11 * hour, seen: now }, scope, now)).toBeNull();
      expect(sessionEnded({ since: now - 12 * hour, seen: now }, scope, now)).toBe("absolute");
    }
    expect(sessionEnded({ since: now - 12 * hour, seen: now }, secretary, now)).toBeNull();
  });
  it("30 days for everyone else", () => {
    expect(sessionEnded({ since: now - 30 * day, seen: now }, member, now)).toBe("absolute");
  });
  it("a token minted before the times existed counts from its issue time", () => {
    expect(sessionEnded({ iat: (now - 10 * min) / 1000 }, secretary, now)).toBeNull();
    expect(sessionEnded({ iat: (now - 31 * min) / 1000 }, secretary, now)).toBe("idle");
    expect(sessionEnded({}, member, now)).toBe("absolute");
  });
});

describe("touch", () => {
  it("writes the visit back at most once a minute", () => {
    expect(needsTouch({ seen: now - 59_000, checked: now - 59_000 }, now)).toBe(false);
    expect(needsTouch({ seen: now - 60_000, checked: now }, now)).toBe(true);
    expect(needsTouch({}, now)).toBe(true);
  });

  it("writes it back when the account is due a re-read, so that pages do not each re-read it", () => {
    expect(needsTouch({ seen: now, checked: now - 60_000 }, now)).toBe(true);
  });
});
