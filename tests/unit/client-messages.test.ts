import path from "node:path";
import { describe, expect, it } from "vitest";
import { isClientModule, isServerActionModule, relative, root, runtimeImports, sourceFiles } from "./source-graph";

/**
 * The member pages' JavaScript budget (docs/architecture.md#budgets) holds only while the browser gets the text areas
 * it
 * shows: `t` in lib/messages.ts is all of them, ~13 KB gzipped. Every "use client" module, and every module
 * it imports (server actions and type-only imports aside, which ship no code), must import areas from
 * lib/messages/<area>.ts instead. The service worker likewise.
 */
const whole = path.join(root, "lib/messages.ts");

/** The path by which `start` reaches lib/messages.ts, or null. */
function pathToWhole(start: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === whole) {
      const chain: string[] = [];
      for (let at: string | null = file; at; at = cameFrom.get(at) ?? null) chain.unshift(relative(at));
      return chain;
    }
    // A server action reaches the browser as a reference; its imports stay on the server.
    if (file !== start && isServerActionModule(file)) continue;
    for (const next of runtimeImports(file)) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

describe("client bundles and the messages", () => {
  const clientFiles = ["app", "components", "lib"].flatMap(sourceFiles).filter(isClientModule);
  const entries = [...clientFiles, path.join(root, "worker/index.ts")];

  it("finds the client modules", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it.each(entries.map((file) => [relative(file), file]))("%s imports text areas, not the whole t", (_name, file) => {
    expect(pathToWhole(file)).toBeNull();
  });
});
