import { describe, expect, it } from "vitest";
import { runtimeImports, sourceFiles } from "./source-files";

/**
 * Modules of db/queries load one another in one direction only: a cycle makes one of them undefined while
 * the other is still being evaluated, which surfaces as "x is not a function" only on some entry points.
 */
function cycles(files: string[]): string[][] {
  const inside = new Set(files);
  const edges = new Map(files.map((f) => [f, runtimeImports(f).filter((to) => inside.has(to))]));
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      found.push([...trail.slice(trail.indexOf(file)), file]);
      return;
    }
    state.set(file, "open");
    for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of files) visit(file, []);
  return found;
}

describe("db/queries imports", () => {
  it("finds the query modules", () => {
    expect(sourceFiles("db/queries")).toContain("db/queries/notices.ts");
  });

  it("form no cycle at run time", () => {
    expect(cycles([...sourceFiles("db/queries"), ...sourceFiles("lib")])).toEqual([]);
  });
});
