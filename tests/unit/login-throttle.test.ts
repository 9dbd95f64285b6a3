import { describe, expect, it } from "vitest";
import { clientAddress, isProxyEntry, trustedProxies } from "@/lib/client-address";
import {
  ACCOUNT_FAILURES,
  ADDRESS_FAILURES,
  accountLockedUntil,
  addressLockedUntil,
  hourlyLockedUntil,
  minutesLeft,
  verdict,
} from "@/lib/login-throttle";

const t0 = new Date("2025-03-01T02:00:00Z").getTime();
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const fail = (minutes: number) => ({ succeeded: false, createdAt: at(minutes) });
const ok = (minutes: number) => ({ succeeded: true, createdAt: at(minutes) });

describe("per-account lock", () => {
  it("locks for 15 minutes from the fifth failure within 15 minutes", () => {
    const four = [fail(0), fail(1), fail(2), fail(3)];
    expect(accountLockedUntil(four, at(4))).toBeNull();
    const five = [...four, fail(4)];
    expect(accountLockedUntil(five, at(5))).toEqual(at(19));
    expect(accountLockedUntil(five, at(18.9))).toEqual(at(19));
    expect(accountLockedUntil(five, at(19))).toBeNull();
  });

  it("does not count failures spread wider than the window", () => {
    expect(accountLockedUntil([fail(0), fail(5), fail(10), fail(15), fail(20)], at(21))).toBeNull();
  });

  it("a success clears the streak", () => {
    expect(accountLockedUntil([fail(0), fail(1), fail(2), fail(3), ok(4), fail(5)], at(6))).toBeNull();
  });

  it("starts a new streak after a lock ends, and ignores failures recorded during a lock", () => {
    const first = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    expect(accountLockedUntil([...first, fail(5), fail(6)], at(7))).toEqual(at(19)); // a race: still the first lock
    const second = [...first, fail(20), fail(21), fail(22), fail(23)];
    expect(accountLockedUntil(second, at(24))).toBeNull();
    expect(accountLockedUntil([...second, fail(24)], at(25))).toEqual(at(39));
  });

  it("does not care about the order rows arrive in", () => {
    expect(accountLockedUntil([fail(4), fail(0), fail(3), fail(1), fail(2)], at(5))).toEqual(at(19));
  });
});

describe("hourly cap", () => {
  it("the 100th failure in an hour blocks until the oldest of them is an hour old", () => {
    const failures = Array.from({ length: 100 }, (_, i) => fail(i * 0.5));
    expect(hourlyLockedUntil(failures.slice(0, 99), at(50))).toBeNull();
    expect(hourlyLockedUntil(failures, at(50))).toEqual(at(60));
    expect(hourlyLockedUntil(failures, at(60))).toBeNull();
  });

  it("holds even when successes in between keep clearing the per-account streak", () => {
    const attempts = Array.from({ length: 25 }, (_, k) => [
      fail(k * 2),
      fail(k * 2),
      fail(k * 2),
      fail(k * 2 + 1),
      ok(k * 2 + 1.5),
    ]).flat();
    expect(attempts.filter((a) => !a.succeeded)).toHaveLength(100);
    const now = at(50);
    expect(accountLockedUntil(attempts, now)).toBeNull();
    expect(verdict(attempts, [], now)).toEqual({ locked: true, reason: "hourly", until: at(60) });
  });
});

describe("per-address limit", () => {
  it("a meeting room of members behind one Wi-Fi, each of them locking their own account, does not lock the room", () => {
    const branchSize = 50;
    const failures = Array.from({ length: branchSize * ACCOUNT_FAILURES }, (_, i) => at(i * 0.01));
    expect(addressLockedUntil(failures, at(3))).toBeNull();
    expect(verdict([], failures, at(3))).toEqual({ locked: false });
  });

  it("enough failures in 15 minutes from one address block it until the oldest leaves the window", () => {
    const failures = Array.from({ length: ADDRESS_FAILURES }, (_, i) => at(i * 0.01));
    expect(addressLockedUntil(failures.slice(1), at(8))).toBeNull();
    expect(addressLockedUntil(failures, at(8))).toEqual(at(15));
    expect(verdict([], failures, at(8))).toEqual({ locked: true, reason: "address", until: at(15) });
  });
});

describe("verdict", () => {
  it("lets a fresh account through", () => {
    expect(verdict([], [], at(0))).toEqual({ locked: false });
  });
  it("reports the account lock first", () => {
    const five = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    expect(
      verdict(
        five,
        five.map((f) => f.createdAt),
        at(5),
      ),
    ).toMatchObject({ locked: true, reason: "account" });
  });
  it("rounds the minutes left up, never to zero", () => {
    expect(minutesLeft(at(15), at(0))).toBe(15);
    expect(minutesLeft(at(15), at(14.99))).toBe(1);
    expect(minutesLeft(at(15), at(16))).toBe(1);
  });
});

describe("client address", () => {
  const none = { trusted: trustedProxies([]), peerHeader: "x-zhibu-peer" };
  const behindProxy = { trusted: trustedProxies(["10.0.0.0/8", "fd00::1"]), peerHeader: "x-zhibu-peer" };

  it("by default takes the socket's address and ignores what a client puts in X-Forwarded-For", () => {
    expect(clientAddress({ "x-zhibu-peer": "203.0.113.9", "x-forwarded-for": "6.6.6.6" }, none)).toBe("203.0.113.9");
    expect(
      clientAddress(new Headers({ "x-zhibu-peer": "203.0.113.9", "x-forwarded-for": "1.1.1.1, 2.2.2.2" }), none),
    ).toBe("203.0.113.9");
    expect(clientAddress({ "x-zhibu-peer": "203.0.113.9", "x-real-ip": "6.6.6.6" }, none)).toBe("203.0.113.9");
  });

  it("believes X-Forwarded-For hop by hop from the right, only while the hop is a configured proxy", () => {
    // The proxy 10.0.0.2 appended what it saw: the client 198.51.100.7; the client's own entry 6.6.6.6 is not believed.
    expect(clientAddress({ "x-zhibu-peer": "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.7" }, behindProxy)).toBe(
      "198.51.100.7",
    );
    // Two proxies in a row.
    expect(clientAddress({ "x-zhibu-peer": "fd00::1", "x-forwarded-for": "198.51.100.7, 10.1.2.3" }, behindProxy)).toBe(
      "198.51.100.7",
    );
    // Not from a proxy: the header is the client's own, whatever it says.
    expect(clientAddress({ "x-zhibu-peer": "198.51.100.8", "x-forwarded-for": "10.0.0.5" }, behindProxy)).toBe(
      "198.51.100.8",
    );
    // A proxy that sent no header is itself the client.
    expect(clientAddress({ "x-zhibu-peer": "10.0.0.2" }, behindProxy)).toBe("10.0.0.2");
  });

  it("without server.mjs (next dev) falls back to the right-most X-Forwarded-For entry, which Next fills from the socket", () => {
    const dev = { trusted: trustedProxies([]) };
    expect(clientAddress({ "x-forwarded-for": "127.0.0.1" }, dev)).toBe("127.0.0.1");
    expect(clientAddress({ "x-zhibu-peer": "6.6.6.6", "x-forwarded-for": "127.0.0.1" }, dev)).toBe("127.0.0.1");
  });

  it("folds IPv4-mapped IPv6, else unknown", () => {
    expect(clientAddress({ "x-zhibu-peer": "::ffff:127.0.0.1" }, none)).toBe("127.0.0.1");
    expect(clientAddress({ "x-zhibu-peer": "::1" }, none)).toBe("::1");
    expect(clientAddress({}, none)).toBe("unknown");
    expect(clientAddress(undefined, none)).toBe("unknown");
  });

  it("accepts addresses and CIDR ranges as TRUSTED_PROXIES, nothing else", () => {
    for (const ok of ["10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"]) expect(isProxyEntry(ok)).toBe(true);
    for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.1/8/1", "::1/129", "10.0.0.0/x"])
      expect(isProxyEntry(bad)).toBe(false);
  });
});
