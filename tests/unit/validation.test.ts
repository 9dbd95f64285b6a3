import { describe, expect, it } from "vitest";
import { t } from "@/lib/messages";
import { maskPhone } from "@/lib/phone";
import { activateInput, signInInput } from "@/lib/validation/auth";
import { phone } from "@/lib/validation/fields";
import { grantRoleInput } from "@/lib/validation/org";
import { addMemberInput, importRow, ROSTER_QUERY_MAX, rosterQuery, updateMemberInput } from "@/lib/validation/roster";

describe("phone", () => {
  it("accepts mainland mobiles and tidies them", () => {
    expect(phone.parse("138 0000 0001")).toBe("13800000001");
    expect(phone.parse("+8613800000001")).toBe("13800000001");
    expect(phone.parse("138-0000-0001")).toBe("13800000001");
  });

  it("reads full-width digits and plus sign, and dashes and spaces of any width, as an input method types them", () => {
    expect(phone.parse("１３８０００００００１")).toBe("13800000001");
    expect(phone.parse("＋８６ １３８－００００－０００１")).toBe("13800000001");
    expect(phone.parse("138\u30000000\u30000001")).toBe("13800000001");
    expect(phone.parse("138—0000—0001")).toBe("13800000001");
  });

  it("is read the same wherever a phone is entered: sign-in, activation, roster add, edit and import, appointments", () => {
    const typed = "１３８０００００００４";
    expect(signInInput.parse({ phone: typed, password: "x" }).phone).toBe("13800000004");
    expect(
      activateInput.parse({ phone: typed, code: "abcd2345", password: "longenough", confirm: "longenough" }).phone,
    ).toBe("13800000004");
    const member = {
      name: "刘洋",
      phone: typed,
      gender: "male",
      category: "formal",
      presence: "home",
      employment: "in_office",
    };
    expect(addMemberInput.parse({ ...member, branchId: "5" }).phone).toBe("13800000004");
    expect(updateMemberInput.parse({ ...member, userId: "5" }).phone).toBe("13800000004");
    expect(
      importRow.parse({ ...member, gender: "男", category: "正式", presence: "在家", employment: "在职" }).phone,
    ).toBe("13800000004");
    expect(grantRoleInput.parse({ nodeId: "3", role: "secretary", phone: typed }).phone).toBe("13800000004");
  });

  it("refuses anything else with a Chinese message", () => {
    for (const bad of ["1380000000", "23800000001", "138000000011", "abc", "", "12800000001"]) {
      const result = phone.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe(t.validation.phone);
    }
    expect(phone.safeParse(13800000001).error?.issues[0].message).toBe(t.validation.phone);
  });

  it("masks the middle four digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskPhone("123")).toBe("****");
  });
});

describe("activation input", () => {
  const ok = { phone: "13800000004", code: "abcd2345", password: "longenough", confirm: "longenough" };

  it("upper-cases the code", () => {
    expect(activateInput.parse(ok).code).toBe("ABCD2345");
  });

  it("asks for 8 characters and matching passwords, without composition rules", () => {
    expect(activateInput.safeParse({ ...ok, password: "short", confirm: "short" }).error?.issues[0].message).toBe(
      "密码至少 8 个字符",
    );
    expect(activateInput.safeParse({ ...ok, confirm: "different1" }).error?.issues[0].message).toBe(
      "两次输入的密码不一致",
    );
    expect(activateInput.safeParse({ ...ok, password: "aaaaaaaa", confirm: "aaaaaaaa" }).success).toBe(true);
  });
});

describe("member input", () => {
  const ok = {
    branchId: "5",
    name: " 刘洋 ",
    phone: "13900000001",
    gender: "male",
    category: "formal",
    presence: "home",
    employment: "in_office",
    joinedOn: "",
  };

  it("trims names, coerces ids and treats an empty date as none", () => {
    const parsed = addMemberInput.parse(ok);
    expect(parsed).toMatchObject({ branchId: 5, name: "刘洋", joinedOn: undefined });
  });

  it("refuses unknown choices, bad dates, blank names and hostile ids", () => {
    expect(addMemberInput.safeParse({ ...ok, gender: "x" }).success).toBe(false);
    expect(addMemberInput.safeParse({ ...ok, joinedOn: "2020-13-01" }).success).toBe(false);
    expect(addMemberInput.safeParse({ ...ok, name: "   " }).success).toBe(false);
    expect(addMemberInput.safeParse({ ...ok, name: "名".repeat(31) }).success).toBe(false);
    expect(addMemberInput.safeParse({ ...ok, branchId: "1; drop table users" }).success).toBe(false);
    expect(addMemberInput.safeParse({ ...ok, branchId: "99999999999" }).success).toBe(false);
  });
});

describe("roster search", () => {
  it("cuts a long query instead of refusing the page, and takes the first of repeated ones", () => {
    const long = rosterQuery.safeParse({ branchId: "5", q: "张".repeat(500) });
    expect(long.success && long.data.q).toBe("张".repeat(ROSTER_QUERY_MAX));
    expect(rosterQuery.parse({ branchId: "5", q: ["王", "李"] }).q).toBe("王");
  });

  it("reads a number typed with full-width digits or dashes as its digits", () => {
    expect(rosterQuery.parse({ branchId: "5", q: " １２３４ " }).q).toBe("1234");
    expect(rosterQuery.parse({ branchId: "5", q: "138-0000-0001" }).q).toBe("13800000001");
    expect(rosterQuery.parse({ branchId: "5", q: "王 芳" }).q).toBe("王 芳");
  });
});

describe("boundary fields", () => {
  it("text refuses NUL and other controls, keeps line breaks only where the field has lines, trims, counts", async () => {
    const { text } = await import("@/lib/validation/fields");
    const line = text({ max: 5, message: t.org.name });
    const lines = text({ max: 50, message: t.dues.note, multiline: true });
    for (const bad of ["a\u0000b", "\u0000", "a\u0007", "\u202e123", "a\ud800", "a\nb", "\u0085x"])
      expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(line.safeParse("a\u0000").error?.issues[0].message).toBe(t.validation.control);
    expect(lines.parse(" 第一行\n第二行\t ")).toBe("第一行\n第二行");
    expect(lines.safeParse("a\u0000\nb").success).toBe(false);
    expect(line.parse("  党员  ")).toBe("党员");
    expect(line.safeParse("123456").success).toBe(false);
    expect(line.safeParse("   ").error?.issues[0].message).toBe("名称");
    expect(line.parse("👍🏻党员")).toBe("👍🏻党员");
  });

  it("days are real calendar days in range, never shifted", async () => {
    const { calendarDate, isCalendarDay, isLocalMinute } = await import("@/lib/validation/fields");
    const day = calendarDate("日期");
    for (const bad of [
      "2026-02-30",
      "2027-02-29",
      "2026-13-01",
      "2026-00-10",
      "9999-01-01",
      "0001-01-01",
      "1999-12-31",
      "2026-2-3",
      "20260203",
    ])
      expect(day.safeParse(bad).success, bad).toBe(false);
    for (const good of ["2028-02-29", "2000-01-01", "2100-12-31", "2026-12-03"]) expect(day.parse(good)).toBe(good);
    expect(isCalendarDay("0001-01-01")).toBe(true);
    expect(isLocalMinute("2027-02-30T10:00")).toBe(false);
    expect(isLocalMinute("2026-03-01T24:00")).toBe(false);
    expect(isLocalMinute("2026-03-01T23:59")).toBe(true);
  });

  it("ids and numbers are numbers or digits as typed, nothing looser", async () => {
    const { id, jsonId, wholeNumber } = await import("@/lib/validation/fields");
    expect(id.parse("42")).toBe(42);
    expect(id.parse(42)).toBe(42);
    for (const bad of [[3], true, "0x10", "1e3", " 3", "03", "-1", 0, 1.5, "", null, 2 ** 31])
      expect(id.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(jsonId.safeParse("42").success).toBe(false);
    const minutes = wholeNumber("时长", 15, 480);
    expect(minutes.parse("60")).toBe(60);
    for (const bad of [[60], true, "", "60分钟", 10])
      expect(minutes.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
