import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { gridsOf } from "@/db/queries/org";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/page-data";
import { pageContext } from "@/lib/session";

export const metadata = { title: t.nav.grid };

export default async function GridPage() {
  const { db, scope } = await pageContext();
  const grids = await pageData(gridsOf(db, scope));
  return (
    <>
      <PageHeader title="网格工作台" />
      <main className="space-y-4 p-4">
        <Card title="我负责的网格">
          <ul className="divide-y divide-stone-100">
            {grids.map((g) => (
              <li key={g.id} className="py-2">
                <span className="font-medium">{g.name}</span>
                {g.parentName && <span className="block text-sm text-stone-600">{g.kind === "grid" ? g.parentName : t.orgKind.community}</span>}
              </li>
            ))}
          </ul>
        </Card>
        <p className="rounded-xl bg-white p-4 text-stone-700">在职党员进社区报到的确认和志愿服务时长登记，将在这里办理。</p>
      </main>
    </>
  );
}
