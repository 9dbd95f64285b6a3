import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audit } from "@/lib/messages/audit";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === "node_modules" || name.startsWith(".") ? [] : sources(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

const files = [...["app", "db", "lib"].flatMap((d) => sources(path.join(root, d))), path.join(root, "auth.ts")];

/**
 * Every action name the code writes: the `action:` of writeAudit calls (each quoted name of the expression,
 * so both sides of a `?:`), and the names given to the wrappers, which audit a refusal under that name.
 * A name built from a template (`leave.${decision}`) is checked by the compiler instead: writeAudit takes
 * only AuditAction.
 */
function writtenNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const where = path.relative(root, file);
    for (const [, expression] of text.matchAll(/\baction: ([^,}\n]+)/g)) {
      for (const [, name] of expression.matchAll(/"([a-z_]+(?:\.[a-z_]+)*)"/g)) names.set(name, where);
    }
    for (const [, name] of text.matchAll(
      /\b(?:action|publicAction|route|nodeRoute|fileRoute|execute)\(\s*"([^"]+)"/g,
    )) {
      names.set(name, where);
    }
  }
  return names;
}

describe("audit log labels", () => {
  it("every action name written anywhere has a Chinese name", () => {
    const names = writtenNames();
    expect(names.size).toBeGreaterThan(60);
    const labels: Record<string, string> = audit.actions;
    const missing = [...names].filter(([name]) => !labels[name]).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it("the names are Chinese, not codes", () => {
    for (const label of Object.values(audit.actions)) expect(label).toMatch(/^[\u4e00-\u9fff（）/]+$/);
  });
});
