import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The member pages' JavaScript budget (DESIGN.md §9) holds only while the browser gets the text areas it
 * shows: `t` in lib/messages.ts is all of them, ~13 KB gzipped. Every "use client" module, and every module
 * it imports (server actions and type-only imports aside, which ship no code), must import areas from
 * lib/messages/<area>.ts instead. The service worker likewise.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const whole = path.join(root, "lib/messages.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Modules a file loads at run time: static imports and re-exports that are not `import type`, and import(). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specs = [...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]);
  specs.push(...[...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
  return specs.map((spec) => resolve(file, spec)).filter((p): p is string => p !== null);
}

/** The path by which `start` reaches lib/messages.ts, or null. */
function pathToWhole(start: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === whole) {
      const chain: string[] = [];
      for (let at: string | null = file; at; at = cameFrom.get(at) ?? null) chain.unshift(path.relative(root, at));
      return chain;
    }
    // A server action reaches the browser as a reference; its imports stay on the server.
    if (file !== start && /^["']use server["']/m.test(readFileSync(file, "utf8"))) continue;
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
  const clientFiles = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => /^["']use client["']/m.test(readFileSync(file, "utf8")));
  const entries = [...clientFiles, path.join(root, "worker/index.ts")];

  it("finds the client modules", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it.each(entries.map((file) => [path.relative(root, file), file]))("%s imports text areas, not the whole t", (_name, file) => {
    expect(pathToWhole(file)).toBeNull();
  });
});
