import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's own TypeScript files and what they import: read by the tests that guard the layers. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const child = path.join(dir, name);
    if (statSync(path.join(root, child)).isDirectory()) return sourceFiles(child);
    return /\.tsx?$/.test(name) ? [path.join(root, child)] : [];
  });
}

export const relative = (file: string) => path.relative(root, file);

const cache = new Map<string, string>();
export function source(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    cache.set(file, text);
  }
  return text;
}

/** A specifier as a file of this repository, or null for a package. */
export function resolve(from: string, spec: string): string | null {
  let base: string | null = null;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Specifiers a file loads at run time: imports and re-exports that are not `import type`, and import(). */
export function runtimeSpecifiers(file: string): string[] {
  const text = source(file);
  const pattern = /^(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
  const specs = [...text.matchAll(pattern)].map((m) => m[1]);
  specs.push(...[...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
  return specs;
}

/** Every specifier a file names, type-only imports included. */
export function allSpecifiers(file: string): string[] {
  const text = source(file);
  const pattern = /^(?:import|export)\s+(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

export const runtimeImports = (file: string): string[] =>
  runtimeSpecifiers(file)
    .map((spec) => resolve(file, spec))
    .filter((p): p is string => p !== null);

export const isClientModule = (file: string) => /^["']use client["']/m.test(source(file));
export const isServerActionModule = (file: string) => /^["']use server["']/m.test(source(file));
