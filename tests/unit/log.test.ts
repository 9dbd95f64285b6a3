import { describe, expect, it } from "vitest";
import { describe as describeError, mask } from "@/lib/log";

describe("what the server log keeps of an error", () => {
  it("masks phone and ID-card numbers", () => {
    expect(mask("用户 13812345678 登录失败")).toBe("用户 138****5678 登录失败");
    expect(mask("110101199003071234 与 11010119900307123X")).toBe("110101********1234 与 110101********123X");
    expect(mask("order 123 and 20261126")).toBe("order 123 and 20261126");
  });

  it("keeps a failing query's statement and code, drops its parameters", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" });
    const error = new Error(
      'Failed query: insert into "users" ("name", "phone") values ($1, $2)\nparams: 张三,13812345678',
      { cause },
    );
    const text = describeError(error);
    expect(text).toContain('insert into "users"');
    expect(text).toContain("23505");
    expect(text).not.toContain("张三");
    expect(text).not.toContain("13812345678");
  });
});
