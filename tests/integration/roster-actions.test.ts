import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/db/schema/audit";
import { members } from "@/db/schema/users";
import { t } from "@/lib/messages";
import { demoCounty } from "./county";
// The actions and routes take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));

const { importRosterAction, setMemberActiveAction, updateMemberAction } = await import(
  "@/app/(secretary)/branch/actions"
);
const { GET: rosterRoute } = await import("@/app/api/v1/branches/[branchId]/members/route");

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());
beforeEach(() => {
  session.ctx = { db: county.db, scope: county.secretary };
});

async function xlsx(rows: (string | number)[][]): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("花名册");
  for (const row of rows) sheet.addRow(row);
  return new File([await workbook.xlsx.writeBuffer()], "roster.xlsx");
}
const header = ["姓名", "手机号", "性别", "党员类别", "流动状态", "在职状态"];

function form(values: Record<string, string | Blob>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

const memberCount = async () => (await county.db.select({ n: count() }).from(members))[0].n;

describe("roster actions called directly", () => {
  it("refuse another branch's member, audit the refusal and change nothing", async () => {
    const before = await county.db.select().from(members).where(eq(members.userId, county.foreignMemberId));
    const update = await updateMemberAction(null, {
      userId: county.foreignMemberId,
      name: "改名",
      phone: "13999998888",
      gender: "male",
      category: "formal",
      presence: "away",
      employment: "retired",
    });
    const deactivate = await setMemberActiveAction(null, form({ userId: String(county.foreignMemberId) }));
    expect(update).toMatchObject({ ok: false, code: "forbidden", error: t.errors.forbidden });
    expect(deactivate).toMatchObject({ ok: false, code: "forbidden" });
    expect(await county.db.select().from(members).where(eq(members.userId, county.foreignMemberId))).toEqual(before);
    const denied = await county.db.select().from(auditLog).where(eq(auditLog.outcome, "denied"));
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(["roster.update", "roster.set_active"]));
  });

  it("refuse an import into another branch", async () => {
    const before = await memberCount();
    const file = await xlsx([header, ["甲", "13999997001", "男", "正式", "在家", "在职"]]);
    const result = await importRosterAction(
      null,
      form({ branchId: String(county.otherBranchId), intent: "import", file }),
    );
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await memberCount()).toBe(before);
  });

  it("answer bad input with a Chinese message, never a crash", async () => {
    const bad = await updateMemberAction(null, form({ userId: "abc", name: "<script>alert(1)</script>" }));
    expect(bad).toMatchObject({
      ok: false,
      code: "bad_request",
      fields: { userId: "编号无效", phone: "请输入 11 位手机号码" },
    });
    const notAFile = await importRosterAction(
      null,
      form({ branchId: String(county.homeBranchId), intent: "import", file: new File(["%PDF"], "x.pdf") }),
    );
    expect(notAFile).toMatchObject({ ok: false, code: "bad_request", error: t.importer.badType });
    session.ctx = null;
    expect(await updateMemberAction(null, form({}))).toMatchObject({ ok: false });
  });

  it("previews an import with one bad row, reports it and writes nothing; a clean file imports", async () => {
    const before = await memberCount();
    const bad = await xlsx([
      header,
      ["甲", "13999997001", "男", "正式", "在家", "在职"],
      ["乙", "12345", "男", "正式", "在家", "在职"],
    ]);
    for (const intent of ["preview", "import"]) {
      const result = await importRosterAction(null, form({ branchId: String(county.homeBranchId), intent, file: bad }));
      expect(result).toEqual({
        ok: true,
        data: { imported: 0, total: 2, errors: [{ row: 3, reasons: ["手机号：请输入 11 位手机号码"] }] },
      });
    }
    expect(await memberCount()).toBe(before);
    const good = await xlsx([
      header,
      ["甲", "13999997001", "男", "正式", "在家", "在职"],
      ["乙", "13999997002", "女", "预备", "外出", "离退休"],
    ]);
    const done = await importRosterAction(
      null,
      form({ branchId: String(county.homeBranchId), intent: "import", file: good }),
    );
    expect(done).toMatchObject({ ok: true, data: { imported: 2 } });
    expect(await memberCount()).toBe(before + 2);
    const again = await importRosterAction(
      null,
      form({ branchId: String(county.homeBranchId), intent: "preview", file: good }),
    );
    expect(again).toMatchObject({
      ok: true,
      data: { errors: [{ row: 2, reasons: ["手机号已被其他账号使用"] }, { row: 3 }] },
    });
  });
});

describe("the roster route", () => {
  const get = (branchId: number) =>
    rosterRoute(new Request(`http://localhost/api/v1/branches/${branchId}/members`), {
      params: Promise.resolve({ branchId: String(branchId) }),
    });

  it("serves the own branch and refuses another with 403", async () => {
    const own = await get(county.homeBranchId);
    expect(own.status).toBe(200);
    expect((await own.json()).data.members.length).toBeGreaterThan(0);
    const foreign = await get(county.otherBranchId);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ ok: false, error: t.errors.forbidden });
  });

  it("answers 401 without a session and 400 for a malformed id", async () => {
    expect(
      (await rosterRoute(new Request("http://localhost/x"), { params: Promise.resolve({ branchId: "1e999" }) })).status,
    ).toBe(400);
    session.ctx = null;
    expect((await get(county.homeBranchId)).status).toBe(401);
  });
});
