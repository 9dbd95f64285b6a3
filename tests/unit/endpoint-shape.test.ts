import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One shape for every entry point: route handlers are made by lib/server/route.ts `endpoint`, server actions by
 * lib/server/action.ts `action`, both on `execute`, and a refusal's JSON body is built in lib/server/route.ts only. A
 * client component may hold an ActionResult of its own (an answer it could not get); server code may not.
 */
const root = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(d.name) ? [full] : [];
  });
}

const files = walk(path.join(root, "app")).map((full) => ({
  file: path.relative(root, full).split(path.sep).join("/"),
  text: readFileSync(full, "utf8"),
}));
const server = files.filter((f) => !/^\s*["']use client["']/.test(f.text));

const byHand: [string, RegExp][] = [
  ["calls execute", /\bexecute\s*\(|import\s*\{[^}]*\bexecute\b[^}]*\}\s*from\s*["']@\/lib\/action["']/],
  ["builds a JSON answer", /\b(Next)?Response\.json\s*\(/],
  ["builds a Response", /\bnew\s+Response\s*\(/],
  ["builds an error body", /\bok:\s*false\b|\b(toFailure|failureStatus)\b/],
];

describe("entry points", () => {
  it("no server file under app/ calls execute or builds an answer or an error body by hand", () => {
    const found = server.flatMap(({ file, text }) =>
      byHand.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${file}: ${what}`),
    );
    expect(found).toEqual([]);
  });

  it("every route handler under app/api/v1 is an endpoint definition", () => {
    const routes = files.filter((f) => /^app\/api\/v1\/.*\/route\.tsx?$/.test(f.file));
    expect(routes.length).toBeGreaterThan(10);
    const bare = routes.flatMap(({ file, text }) => {
      const exported = [
        ...text.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b(\s*=\s*(endpoint|postCheckin|getAttendance|postActivityRead|getToday)\b)?/g,
        ),
      ];
      const others = /export\s*\{/.test(text) ? ["re-export"] : [];
      return [...exported.filter((m) => !m[3]).map((m) => m[1]), ...others].map((name) => `${file}#${name}`);
    });
    expect(bare).toEqual([]);
  });
});
