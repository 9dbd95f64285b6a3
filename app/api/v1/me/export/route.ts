import { z } from "zod";
import { exportPersonalData } from "@/db/queries/personal-data";
import { execute } from "@/lib/action";
import { failureStatus } from "@/lib/errors";

/** The caller's own data as a .json download (我的 → 下载我的数据). */
export async function GET(): Promise<Response> {
  const result = await execute("privacy.export", z.object({}), (_input, { db, scope }) => exportPersonalData(db, scope), {});
  if (!result.ok) return Response.json(result, { status: failureStatus(result), headers: { "Cache-Control": "private, no-store" } });
  const day = result.data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="zhibu-my-data-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
