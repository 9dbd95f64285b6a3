import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every page that can be printed ends in the one shared footer (components/print-footer.tsx): issuing body,
 * date and signature lines are never a page's own copy that drifts from the others.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return name === "page.tsx" ? [full] : [];
  });
}

const printable = pages(path.join(root, "app")).filter((file) =>
  /<PrintButton|<ReportPage/.test(readFileSync(file, "utf8")),
);

describe("print pages", () => {
  it("are the ones expected, the quarterly statistics and the community roll-up among them", () => {
    const names = printable.map((f) => path.relative(root, f));
    for (const expected of [
      "notice/page.tsx",
      "sheet/page.tsx",
      "cards/page.tsx",
      "points/quarter/page.tsx",
      "admin/community/page.tsx",
      "admin/assessment/page.tsx",
    ]) {
      expect(names.some((n) => n.endsWith(expected))).toBe(true);
    }
  });

  it("each render the shared PrintFooter and write no signature or date line of their own", () => {
    for (const file of printable) {
      const source = readFileSync(file, "utf8");
      expect(source, path.relative(root, file)).toContain("<PrintFooter");
      expect(source, path.relative(root, file)).not.toMatch(/＿＿/);
    }
  });
});
