import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monthlyBulletin, myPoints, setMemberRanking } from "@/db/queries/point-views";
import { monthOf } from "@/lib/time";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

describe("no ranking unless the county turns it on", () => {
  it("the bulletin lists members by name while ranking is off, by points once the county turns it on", async () => {
    const month = monthOf(new Date());
    const byName = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, "zh-CN"));
    const off = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, month);
    expect(off.ranked).toBe(false);
    expect(off.rows.map((r) => r.name)).toEqual(byName(off.rows.map((r) => r.name)));
    expect((await myPoints(county.db, await county.scopeOf(phones.member))).rank).toBeNull();

    const admin = await county.scopeOf(phones.countyAdmin);
    await setMemberRanking(county.db, admin, { on: true });
    const on = await monthlyBulletin(county.db, county.secretary, county.homeBranchId, month);
    expect(on.ranked).toBe(true);
    const points = on.rows.map((r) => r.monthPoints);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    await setMemberRanking(county.db, admin, { on: false });
  });
});
