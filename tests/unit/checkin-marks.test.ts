import { describe, expect, it } from "vitest";
import { checkinMarks, markedName } from "@/lib/checkin-marks";
import { checkinReview } from "@/lib/messages/checkin-review";

describe("checkinMarks", () => {
  it("sets proxy, offline (by review), host and disputed entries apart from a plain scan", () => {
    expect(checkinMarks({ source: "checkin", method: "qr", offline: false })).toEqual([]);
    expect(checkinMarks({ source: "proxy", method: "proxy" })).toEqual(["proxy"]);
    expect(checkinMarks({ source: "proxy", method: "proxy", dispute: "open" })).toEqual(["disputed"]);
    expect(checkinMarks({ source: "proxy", method: "proxy", dispute: "dismissed" })).toEqual(["proxy"]);
    expect(checkinMarks({ source: "checkin", offline: true, review: "pending" })).toEqual(["offlinePending"]);
    expect(checkinMarks({ source: "checkin", offline: true, review: "confirmed" })).toEqual(["offline"]);
    expect(checkinMarks({ offline: true, review: "rejected" })).toEqual(["offlineRejected"]);
    expect(checkinMarks({ source: "host" })).toEqual(["host"]);
  });

  it("writes a marked name for lists", () => {
    expect(markedName("张三", ["proxy"])).toBe(`张三（${checkinReview.proxyTag}）`);
    expect(markedName("李四", [])).toBe("李四");
  });
});
