import { describe, expect, it } from "vitest";
import { maxExcellent, reasonNeeded, type Tally, voteLeaders } from "@/lib/review";

const tally = (t: Partial<Tally>): Tally => ({
  excellent: 0,
  qualified: 0,
  basically_qualified: 0,
  unqualified: 0,
  ...t,
});

describe("民主评议 rules", () => {
  it("allows 优秀 up to the county's share, rounded down", () => {
    const third = { numerator: 1, denominator: 3 };
    expect(maxExcellent(10, third)).toBe(3);
    expect(maxExcellent(9, third)).toBe(3);
    expect(maxExcellent(3, third)).toBe(1);
    expect(maxExcellent(2, third)).toBe(0);
    expect(maxExcellent(19, { numerator: 1, denominator: 5 })).toBe(3);
    expect(maxExcellent(19, { numerator: 0, denominator: 1 })).toBe(0);
  });

  it("reads the vote's leading grades, ties included", () => {
    expect(voteLeaders(tally({ qualified: 5, excellent: 2 }))).toEqual(["qualified"]);
    expect(voteLeaders(tally({ qualified: 3, excellent: 3 }))).toEqual(["excellent", "qualified"]);
    expect(voteLeaders(tally({}))).toEqual([]);
  });

  it("asks a reason for 不合格 and for a grade the vote did not put first", () => {
    const votes = tally({ qualified: 5, excellent: 2 });
    expect(reasonNeeded("qualified", votes)).toBeNull();
    expect(reasonNeeded("excellent", votes)).toBe("differs");
    expect(reasonNeeded("unqualified", tally({ unqualified: 9 }))).toBe("unqualified");
    expect(reasonNeeded("qualified", tally({}))).toBe("differs");
  });
});
