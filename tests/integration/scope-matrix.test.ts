import { and, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { communityReports } from "@/db/schema/community";
import { members } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";
import { phones } from "./county";
import { type Many, matrix } from "./endpoint-cases";
import { callEndpoint, changedTables, discoverEndpoints, type Endpoint, fingerprint } from "./endpoints";
import { type ForeignCounty, foreignCounty, type Where } from "./foreign-objects";

// Actions and routes take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
vi.mock("@/lib/server/session-token", () => import("./session-stub"));
vi.mock("next/cache", () => import("./next-cache-stub"));

const everywhere: Where[] = ["branch", "committee", "grid", "community", "county"];

/**
 * The callers, and which of the five places lie outside their reach. The county admin reaches every org
 * node, so only other people's personal objects and the community side (grid workers' work) are foreign to
 * them; a committee admin reaches the other branches of their own committee.
 */
let actors: { name: string; scope: Scope; foreign: Where[]; county?: true }[];
let county: ForeignCounty;
let endpoints: Endpoint[];

beforeAll(async () => {
  county = await foreignCounty();
  endpoints = discoverEndpoints();
  // A member of the home branch reported to the home grid: the home community's grids are theirs to serve in.
  const [reporter] = await county.db
    .select({ userId: members.userId })
    .from(members)
    .innerJoin(communityReports, eq(communityReports.memberId, members.userId))
    .where(
      and(
        eq(members.branchId, county.homeBranchId),
        eq(communityReports.status, "confirmed"),
        ne(members.userId, county.secretary.userId),
        sql`true`,
      ),
    )
    .orderBy(members.userId);
  const { loadSessionUser } = await import("@/db/queries/session");
  actors = [
    { name: "党员", scope: await county.scopeOf(phones.member), foreign: everywhere },
    {
      name: "已报到党员",
      scope: (await loadSessionUser(county.db, reporter.userId))!.scope,
      foreign: ["branch", "committee", "community", "county"],
    },
    { name: "支部书记", scope: county.secretary, foreign: everywhere },
    { name: "网格员", scope: await county.scopeOf(phones.gridWorker), foreign: everywhere },
    {
      name: "党委管理员",
      scope: await county.scopeOf(phones.committeeAdmin),
      foreign: ["committee", "grid", "community", "county"],
    },
    {
      name: "县委组织部",
      scope: await county.scopeOf(phones.countyAdmin),
      foreign: ["grid", "community"],
      county: true,
    },
  ];
}, 120_000);
afterAll(() => county?.close());

it("lists every server action and /api/v1 route handler, and no bare server action exists", () => {
  const found = endpoints.map((e) => e.key);
  expect(
    endpoints.filter((e) => e.kind === "bare-action").map((e) => e.key),
    "server actions must go through lib/server/action.ts",
  ).toEqual([]);
  expect(
    found.filter((k) => !(k in matrix)),
    "new endpoints: add them to the matrix in tests/integration/scope-matrix.test.ts",
  ).toEqual([]);
  expect(
    Object.keys(matrix).filter((k) => !found.includes(k)),
    "listed but gone",
  ).toEqual([]);
});

it("refuses every role every endpoint on objects of another branch, committee, community and grid, and writes nothing", async () => {
  const failures: string[] = [];
  let probes = 0;
  for (const endpoint of endpoints) {
    const spec = matrix[endpoint.key];
    if (!spec || "self" in spec) continue;
    const places: [Where, () => Many][] = [];
    if (spec.branch)
      for (const w of ["branch", "committee"] as const)
        places.push([w, () => spec.branch!(county.branches[w], county)]);
    if (spec.grid)
      for (const w of ["grid", "community"] as const) places.push([w, () => spec.grid!(county.grids[w], county)]);
    if (spec.county) places.push(["county", () => spec.county!(county)]);
    const before = await fingerprint(county.db);
    for (const actor of actors) {
      for (const [where, make] of places) {
        const foreign = spec.orgTree && actor.county ? [] : actor.foreign;
        if (!spec.personal && !foreign.includes(where)) continue;
        const made = await make();
        for (const input of Array.isArray(made) ? made : [made]) {
          session.ctx = { db: county.db, scope: actor.scope };
          const answer = await callEndpoint(endpoint, input);
          session.ctx = null;
          probes++;
          const refused =
            (answer.status === 403 || answer.status === 404) &&
            (!answer.body || answer.body.code === "forbidden" || answer.body.code === "not_found");
          if (!refused)
            failures.push(
              `${endpoint.key} · ${actor.name} · ${where}: ${answer.status} ${answer.body?.code ?? ""} ${answer.body?.error ?? ""}`,
            );
        }
      }
    }
    const moved = changedTables(before, await fingerprint(county.db));
    if (moved.length) failures.push(`${endpoint.key}: wrote to ${moved.join(", ")}`);
  }
  expect(failures).toEqual([]);
  expect(probes).toBeGreaterThan(300);
}, 300_000);
