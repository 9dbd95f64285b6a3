import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { permissionsPolicy } from "@/lib/security-headers";

/**
 * 2026 government-app rules (docs/privacy.md#nothing-forced): no upload, location or check-in is ever
 * required. This walks every form in app/ and components/ for file inputs, and every schema in
 * lib/validation for file fields, and shows that each can be left empty.
 */

const root = path.resolve(__dirname, "../..");

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file, ext) : ext.test(name) ? [file] : [];
  });
}

const ui = [...sources(path.join(root, "app"), /\.tsx$/), ...sources(path.join(root, "components"), /\.tsx$/)];

/** Every JSX element with `type="file"`, as its own text from `<` to the end of its tag. */
function fileInputs(file: string) {
  const text = readFileSync(file, "utf8");
  const found: { file: string; name: string; tag: string }[] = [];
  for (let at = text.indexOf('type="file"'); at >= 0; at = text.indexOf('type="file"', at + 1)) {
    const start = text.lastIndexOf("<", at);
    const end = text.indexOf(">", at);
    const tag = text.slice(start, end + 1);
    found.push({ file: path.relative(root, file), name: /name="([^"]+)"/.exec(tag)?.[1] ?? "", tag });
  }
  return found;
}

/**
 * The one file that is the point of its form: the roster import reads a spreadsheet, and without one there
 * is nothing to import; the same members can be added one by one on the roster's add form, with no file.
 */
const THE_FILE_IS_THE_FORM = new Set(["app/(secretary)/branch/[branchId]/import/import-form.tsx:file"]);

describe("no upload is required", () => {
  const inputs = ui.flatMap(fileInputs);

  it("finds the app's file inputs (a new one is reviewed here)", () => {
    expect(inputs.map((i) => `${i.file}:${i.name}`).sort()).toEqual([
      "app/(member)/leave/new/leave-form.tsx:attachment",
      "app/(secretary)/branch/[branchId]/import/import-form.tsx:file",
      "app/(secretary)/branch/activities/[activityId]/minutes/minutes-forms.tsx:attachment",
      "app/(secretary)/branch/activities/[activityId]/run-forms.tsx:photo",
      "components/membership/away-report-form.tsx:photo",
    ]);
  });

  it("no file input is marked required", () => {
    for (const input of inputs) expect(input.tag, input.file).not.toMatch(/\brequired\b/);
  });

  it("every schema's file field accepts no file and an empty one (what a browser sends when none is chosen)", async () => {
    const modules = sources(path.join(root, "lib/validation"), /\.ts$/);
    const checked: string[] = [];
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "a.png", { type: "image/png" });
    const empty = new File([], "", { type: "application/octet-stream" });
    for (const file of modules) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [exported, schema] of Object.entries(mod)) {
        if (!(schema instanceof z.ZodObject)) continue;
        for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
          if (!field.safeParse(png).success || field.safeParse("text").success) continue; // not a file field
          const where = `${path.basename(file)}:${exported}.${key}`;
          checked.push(where);
          if (exported === "importInput") continue; // THE_FILE_IS_THE_FORM
          expect(field.safeParse(undefined).success, where).toBe(true);
          expect(field.safeParse(empty).success, where).toBe(true);
        }
      }
    }
    expect(checked.sort()).toEqual([
      "activities.ts:markStepInput.photo",
      "leave.ts:fileLeaveInput.attachment",
      "membership.ts:awayReportInput.photo",
      "minutes.ts:saveMinutesInput.attachment",
      "roster.ts:importInput.file",
    ]);
    expect([...THE_FILE_IS_THE_FORM]).toHaveLength(1);
  });

  it("a mandatory agenda step is marked done with a note and no photo, or with nothing at all", async () => {
    const { markStepInput } = await import("@/lib/validation/activities");
    expect(markStepInput.safeParse({ stepId: "1", done: "on", note: "已完成重温入党誓词" }).success).toBe(true);
    expect(markStepInput.safeParse({ stepId: "1", done: "on" }).success).toBe(true);
  });
});

describe("no location is required", () => {
  it("the app never asks for a position, and the browser is told to refuse one", () => {
    const code = [...ui, ...sources(path.join(root, "lib"), /\.ts$/)].map((f) => readFileSync(f, "utf8"));
    expect(code.filter((c) => /navigator\.geolocation|getCurrentPosition|watchPosition/.test(c))).toEqual([]);
    expect(permissionsPolicy).toMatch(/geolocation=\(\)/);
  });
});
