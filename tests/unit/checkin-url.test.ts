import { describe, expect, it } from "vitest";
import { checkinParams, checkinUrl, readScannedCheckin } from "@/lib/checkin-url";

const origin = "https://zhibu.example.cn";
const read = (text: string, activityId = 42) => readScannedCheckin(text, origin, activityId);

describe("checkinUrl and readScannedCheckin", () => {
  it("reads back what the secretary's screen puts in the QR code", () => {
    expect(read(checkinUrl(origin, 42, 118_000_123, "004711"))).toEqual({
      ok: true,
      checkin: { activityId: 42, step: 118_000_123, code: "004711" },
    });
  });

  it("ignores surrounding whitespace and the order of the query", () => {
    expect(read(` ${origin}/c/42?k=123456&s=7\n`)).toEqual({
      ok: true,
      checkin: { activityId: 42, step: 7, code: "123456" },
    });
  });

  it("refuses another origin, including look-alike hosts, another scheme or port", () => {
    for (const other of [
      "https://evil.example.com",
      "https://zhibu.example.cn.evil.com",
      "http://zhibu.example.cn",
      "https://zhibu.example.cn:8443",
    ]) {
      expect(read(`${other}/c/42?s=7&k=123456`)).toEqual({ ok: false, reason: "foreign" });
    }
  });

  it("refuses another path of the same origin", () => {
    for (const path of [
      "/activities/42?s=7&k=123456",
      "/c/42/x?s=7&k=123456",
      "/x/c/42?s=7&k=123456",
      "/c?s=7&k=123456",
      "/c/?s=7&k=123456",
    ]) {
      expect(read(`${origin}${path}`)).toEqual({ ok: false, reason: "foreign" });
    }
  });

  it("tells a check-in code of another activity apart from a foreign code", () => {
    expect(read(`${origin}/c/43?s=7&k=123456`)).toEqual({ ok: false, reason: "otherActivity" });
  });

  it("refuses text that is not a URL and malformed parts", () => {
    for (const text of [
      "",
      "123456",
      "c/42?s=7&k=123456",
      "/c/42?s=7&k=123456",
      "weixin://wxpay/bizpayurl?pr=abc",
      `${origin}/c/abc?s=7&k=123456`,
      `${origin}/c/0?s=7&k=123456`,
      `${origin}/c/042?s=7&k=123456`,
      `${origin}/c/42?s=-1&k=123456`,
      `${origin}/c/42?s=1e3&k=123456`,
      `${origin}/c/42?s=7&k=12345`,
      `${origin}/c/42?s=7&k=1234567`,
      `${origin}/c/42?s=7&k=12a456`,
    ]) {
      expect(read(text)).toEqual({ ok: false, reason: "foreign" });
    }
  });

  it("refuses a URL with a missing step or code", () => {
    for (const query of ["?k=123456", "?s=7", "", "?s=&k=123456", "?s=7&k="])
      expect(read(`${origin}/c/42${query}`)).toEqual({ ok: false, reason: "foreign" });
  });
});

describe("checkinParams", () => {
  it("takes the parts of a well-formed address", () => {
    expect(checkinParams("42", "0", "000000")).toEqual({ activityId: 42, step: 0, code: "000000" });
  });

  it("is null when a part is missing or out of range", () => {
    expect(checkinParams(undefined, "7", "123456")).toBeNull();
    expect(checkinParams("42", undefined, "123456")).toBeNull();
    expect(checkinParams("42", "7", null)).toBeNull();
    expect(checkinParams("2147483648", "7", "123456")).toBeNull();
    expect(checkinParams("2147483647", "7", "123456")).not.toBeNull();
  });
});
