import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { t } from "@/lib/messages";
import { execute } from "@/lib/server/action";

vi.mock("@/lib/server/session", () => ({
  requireContext: async () => ({ db: null, scope: { userId: 1, grants: [], member: null } }),
}));

const context = async () => ({ db: null as never });

describe("execute: what a person sees when the input is bad", () => {
  it("answers a payload of the wrong type in Chinese, not with zod's English default", async () => {
    const result = await execute("roster.list", z.object({ id: z.number() }), async () => "ran", [1, 2], context);
    expect(result).toMatchObject({
      ok: false,
      code: "bad_request",
      error: t.errors.bad_request,
      fields: { _: t.errors.bad_request },
    });
  });

  it("keeps a schema's own Chinese message", async () => {
    const result = await execute(
      "roster.list",
      z.object({ name: z.string().min(1, "请输入姓名") }),
      async () => "ran",
      { name: "" },
      context,
    );
    expect(result).toMatchObject({ ok: false, error: "请输入姓名", fields: { name: "请输入姓名" } });
  });

  it("answers 400, not 500, when a refinement throws on hostile input", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const schema = z.object({
      url: z
        .string()
        .max(10)
        .refine((v) => new URL(v).protocol === "https:"),
    });
    const result = await execute("roster.list", schema, async () => "ran", { url: "x".repeat(100) }, context);
    expect(result).toMatchObject({ ok: false, code: "bad_request", error: t.errors.bad_request });
    spy.mockRestore();
  });
});
