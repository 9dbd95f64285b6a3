import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Reading the repository's own sources, for the tests that hold a rule over all of them. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every .ts and .tsx file under `dir` (relative to the repository), as paths relative to it. */
export function sourceFiles(dir: string): string[] {
  const walk = (full: string): string[] =>
    readdirSync(full).flatMap((name) => {
      const next = path.join(full, name);
      if (statSync(next).isDirectory()) return name === "node_modules" || name === "migrations" ? [] : walk(next);
      return /\.tsx?$/.test(name) ? [next] : [];
    });
  return walk(path.join(root, dir)).map((file) => path.relative(root, file));
}

export const readSource = (file: string) => readFileSync(path.join(root, file), "utf8");

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(path.join(root, from)), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return path.relative(root, candidate);
  }
  return null;
}

/** Modules a file loads at run time: static imports and re-exports that are not `import type`, and import(). */
export function runtimeImports(file: string): string[] {
  const source = readSource(file);
  const specs = [...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]);
  specs.push(...[...source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
  return specs.map((spec) => resolve(file, spec)).filter((p): p is string => p !== null);
}
