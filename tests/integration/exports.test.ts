import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { yearlyAssessment } from "@/db/queries/assessment";
import { branchFeedback, feedbackRollup } from "@/db/queries/community-feedback";
import { quarterStats } from "@/db/queries/point-stats";
import { bulletinRollup, monthlyBulletin } from "@/db/queries/point-views";
import { formatHours } from "@/lib/community";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

// The export routes take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
/** A route without path parameters is still handed an empty set by Next. */
const noParams = { params: Promise.resolve({}) };
const feedbackRoute = await import("@/app/api/v1/branches/[branchId]/community-feedback/route");
const bulletinRoute = await import("@/app/api/v1/branches/[branchId]/points-bulletin/route");
const rollupRoute = await import("@/app/api/v1/points-bulletin/route");
const assessmentRoute = await import("@/app/api/v1/assessment/route");
const quarterRoute = await import("@/app/api/v1/points-quarter/route");
const communityRollupRoute = await import("@/app/api/v1/community-feedback/route");

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
// The demo's community data lies in November 2026 (db/seed-community.ts).
const MONTH = "2026-11";
const QUARTER = { year: 2026, quarter: 4 };

/** The first sheet's rows below its caption and header, as plain values. */
async function rowsOf(response: Response, sheet = 1): Promise<unknown[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: unknown[][] = [];
  workbook.worksheets[sheet - 1].eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
const get = (url: string) => new Request(`http://localhost:3000${url}`);
const params = (p: { branchId: string }) => ({ params: Promise.resolve(p) });

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  session.ctx = { db: county.db, scope: admin };
});
afterAll(() => county.close());

describe("the .xlsx exports hold the figures the screens show", () => {
  it("community feedback: each member's community, standing and hours", async () => {
    const branchId = String(county.homeBranchId);
    const rows = await rowsOf(
      await feedbackRoute.GET(
        get(`/api/v1/branches/${branchId}/community-feedback?quarter=2026-Q4`),
        params({ branchId }),
      ),
    );
    const { rows: screen } = await branchFeedback(county.db, admin, county.homeBranchId, QUARTER);
    expect(rows).toHaveLength(screen.length);
    for (const r of screen) {
      const row = rows.find((x) => x[0] === r.name)!;
      expect([row[2] ?? "", row[7], row[8]]).toEqual([
        r.communityName ?? "",
        Number(formatHours(r.quarterHalfHours)),
        Number(formatHours(r.yearHalfHours)),
      ]);
    }
    expect(screen.some((r) => r.quarterHalfHours > 0)).toBe(true);
  });

  it("the branch's monthly points bulletin and the county roll-up", async () => {
    const branchId = String(county.homeBranchId);
    const rows = await rowsOf(
      await bulletinRoute.GET(get(`/api/v1/branches/${branchId}/points-bulletin?month=${MONTH}`), params({ branchId })),
    );
    const bulletin = await monthlyBulletin(county.db, admin, county.homeBranchId, MONTH);
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual(
      bulletin.rows.map((r) => [r.name, r.monthPoints, r.yearPoints]),
    );
    expect(bulletin.rows.some((r) => r.monthPoints > 0)).toBe(true);

    const rollup = await rowsOf(await rollupRoute.GET(get(`/api/v1/points-bulletin?month=${MONTH}`), noParams));
    const screen = await bulletinRollup(county.db, admin, MONTH);
    expect(rollup.map((r) => [r[0], r[1], r[2]])).toEqual(screen.map((r) => [r.branchName, r.members, r.total]));
  });

  it("the yearly assessment: score, proposal and tier per unit, and why a part was not met", async () => {
    const response = await assessmentRoute.GET(get("/api/v1/assessment?year=2026"), noParams);
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).toContain(
      `${t.assessment.titleOf(2026)}.xlsx`,
    );
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).not.toContain(
      `${t.assessment.year(2026)}${t.assessment.title}`,
    );
    const rows = await rowsOf(response);
    const { branches, committees } = await yearlyAssessment(county.db, admin, 2026);
    expect(rows.map((r) => [r[0], r[6]])).toEqual([...committees, ...branches].map((u) => [u.name, u.score]));
    const idle = branches.find((b) => b.unmeasured.attendance);
    expect(rows.find((r) => r[0] === idle?.name)?.[10]).toContain(
      t.assessment.notMet(t.assessment.parts.attendance, t.assessment.unmeasured.no_activity),
    );
  });

  it("the quarter's statistics: per branch, by rule and the months' attendance", async () => {
    const response = await quarterRoute.GET(get("/api/v1/points-quarter?quarter=2026-Q4"), noParams);
    const { branches, rules, trend } = await quarterStats(county.db, admin, QUARTER);
    const pct = (rate: number | null) => (rate === null ? "" : Math.round(rate * 1000) / 10);
    const body = await response.clone().arrayBuffer();
    const again = (sheet: number) => rowsOf(new Response(body, { headers: response.headers }), sheet);
    expect(await again(1)).toEqual(
      branches.map((b) => [b.name, b.gained, b.lost, pct(b.attendanceRate), b.leave, pct(b.makeupRate), b.hours]),
    );
    expect(await again(2)).toEqual(rules.map((r) => [t.points.rules[r.ruleCode] ?? r.ruleCode, r.points]));
    expect((await again(3)).map((r) => r[0])).toEqual(trend.map((x) => t.points.month(x.month)));
    expect(branches.some((b) => b.gained > 0) && rules.length > 0).toBe(true);
  });

  it("the county's community roll-up: per branch, and the total the screen shows in its foot", async () => {
    const rows = await rowsOf(
      await communityRollupRoute.GET(get("/api/v1/community-feedback?quarter=2026-Q4"), noParams),
    );
    const screen = await feedbackRollup(county.db, admin, QUARTER);
    const hours = (h: number) => Number(formatHours(h));
    expect(rows.slice(0, -1)).toEqual(
      screen.map((r) => [r.branchName, r.inOffice, r.reported, hours(r.quarterHalfHours), hours(r.yearHalfHours)]),
    );
    const sum = (pick: (r: (typeof screen)[number]) => number) => screen.reduce((s, r) => s + pick(r), 0);
    expect(rows.at(-1)).toEqual([
      t.common.all,
      sum((r) => r.inOffice),
      sum((r) => r.reported),
      hours(sum((r) => r.quarterHalfHours)),
      hours(sum((r) => r.yearHalfHours)),
    ]);
    expect(sum((r) => r.quarterHalfHours)).toBeGreaterThan(0);
  });

  it("refuses a member, and a secretary for another branch", async () => {
    session.ctx = { db: county.db, scope: await county.scopeOf(phones.member) };
    expect((await assessmentRoute.GET(get("/api/v1/assessment?year=2026"), noParams)).status).toBe(403);
    expect((await quarterRoute.GET(get("/api/v1/points-quarter?quarter=2026-Q4"), noParams)).status).toBe(403);
    expect((await communityRollupRoute.GET(get("/api/v1/community-feedback?quarter=2026-Q4"), noParams)).status).toBe(
      403,
    );
    session.ctx = { db: county.db, scope: county.secretary };
    const other = String(county.otherBranchId);
    expect(
      (
        await bulletinRoute.GET(
          get(`/api/v1/branches/${other}/points-bulletin?month=${MONTH}`),
          params({ branchId: other }),
        )
      ).status,
    ).toBe(403);
    session.ctx = { db: county.db, scope: admin };
  });
});
