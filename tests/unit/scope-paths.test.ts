import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import {
  countyGrant,
  holdsRole,
  isUnder,
  pathsReached,
  reachedPaths,
  reviewerPaths,
  rolesHeld,
  servedPaths,
} from "@/lib/scope-paths";
import { relative, root, source, sourceFiles } from "./source-graph";

const scope = (grants: Scope["grants"]): Scope => ({ userId: 1, grants, member: null });
const countyAdmin = scope([{ role: "county_admin", nodeId: 1, path: "/1/" }]);
const twoCommittees = scope([
  { role: "committee_admin", nodeId: 2, path: "/1/2/" },
  { role: "committee_admin", nodeId: 3, path: "/1/3/" },
  { role: "secretary", nodeId: 7, path: "/1/3/7/" },
]);
const gridWorker = scope([{ role: "grid_worker", nodeId: 9, path: "/1/8/9/" }]);

describe("paths reached", () => {
  it("gives each subtree's root once, leaving out roots under another", () => {
    expect(
      pathsReached(scope([...countyAdmin.grants, ...twoCommittees.grants]), ["committee_admin", "county_admin"]),
    ).toEqual(["/1/"]);
    expect(pathsReached(twoCommittees, ["committee_admin", "secretary"])).toEqual(["/1/2/", "/1/3/"]);
    expect(pathsReached(twoCommittees, ["secretary"])).toEqual(["/1/3/7/"]);
  });

  it("is empty for roles not held, and forbidden where only those roles may ask", () => {
    expect(pathsReached(gridWorker, ["secretary"])).toEqual([]);
    expect(() => reachedPaths(gridWorker, ["secretary"])).toThrow(AppError);
    expect(() => reviewerPaths(gridWorker)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => countyGrant(twoCommittees)).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(servedPaths(gridWorker)).toEqual(["/1/8/9/"]);
    expect(countyGrant(countyAdmin).nodeId).toBe(1);
  });

  it("does not take a sibling with a longer id for a child", () => {
    expect(isUnder("/1/23/", "/1/2/")).toBe(false);
    expect(isUnder("/1/2/5/", "/1/2/")).toBe(true);
    expect(
      pathsReached(
        scope([
          { role: "secretary", nodeId: 2, path: "/1/2/" },
          { role: "secretary", nodeId: 23, path: "/1/23/" },
        ]),
        ["secretary"],
      ),
    ).toEqual(["/1/2/", "/1/23/"]);
  });

  it("answers which roles are held", () => {
    expect([...rolesHeld(twoCommittees)].sort()).toEqual(["committee_admin", "secretary"]);
    expect(holdsRole(twoCommittees, ["county_admin"])).toBe(false);
    expect(holdsRole(gridWorker)).toBe(true);
    expect(holdsRole(scope([]))).toBe(false);
  });
});

/**
 * Scope is decided in one place: lib/scope-paths.ts reads the grants, db/queries/scope-sql.ts writes the
 * path filters. A query or page that reads `scope.grants` or writes its own path LIKE has a second copy of
 * the rule, which is how the copies came to differ.
 */
describe("scope in one place", () => {
  const helpers = new Set(["lib/scope-paths.ts", "db/queries/scope-sql.ts"]);
  const files = ["app", "components", "db", "lib"]
    .flatMap(sourceFiles)
    .map(relative)
    .filter((f) => !helpers.has(f) && !f.startsWith("db/migrations/"));
  const readSource = (file: string) => source(`${root}/${file}`);
  // A drizzle like() on a path column, or a LIKE written into raw SQL (the only LIKE in raw SQL was on paths).
  const pathLike = /\blike\(\s*[\w.]*path|[`}]\s*like\s/i;

  it("finds the sources it scans", () => {
    expect(files).toContain("db/queries/roster.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it("reads scope.grants nowhere else", () => {
    expect(files.filter((f) => /\bscope\.grants\b/.test(readSource(f)))).toEqual([]);
  });

  it("filters paths with LIKE nowhere else", () => {
    const offenders = files.flatMap((f) =>
      readSource(f)
        .split("\n")
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => pathLike.test(line) && !/^\s*(\*|\/\/)/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });
});
