import { z } from "zod";
import { exportPersonalData } from "@/db/queries/personal-data";
import { endpoint } from "@/lib/server/route";

/** The caller's own data as a .json download (我的 → 下载我的数据). */
export const GET = endpoint({
  name: "privacy.export",
  input: z.object({}),
  answer: "file",
  run: async (_input, { db, scope }) => {
    const data = await exportPersonalData(db, scope);
    const day = data.exportedAt.slice(0, 10);
    return {
      mime: "application/json; charset=utf-8",
      bytes: new TextEncoder().encode(JSON.stringify(data, null, 2)),
      download: `zhibu-my-data-${day}.json`,
    };
  },
});
