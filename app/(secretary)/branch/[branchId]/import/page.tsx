import { PageHeader } from "@/components/ui/page-header";
import { loadNode } from "@/db/queries/org";
import { t } from "@/lib/messages";
import { canManageRoster } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { ImportForm } from "./import-form";

export const metadata = { title: t.importer.title };

export default async function ImportPage({ params }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const branch = await pageData(loadNode(db, scope, branchId, (path) => canManageRoster(scope, path)));
  return (
    <>
      <PageHeader title={t.importer.title} back={`/branch/${branch.id}`} />
      <main className="space-y-4 p-4">
        <div className="space-y-3 rounded-xl bg-white p-4">
          <p className="text-stone-600">{branch.name}</p>
          <p className="text-sm text-stone-700">{t.importer.hint}</p>
          <a
            href="/api/v1/roster-template"
            className="inline-block min-h-11 py-2 text-brand underline underline-offset-4"
            download
          >
            {t.importer.template}
          </a>
        </div>
        <div className="rounded-xl bg-white p-4">
          <ImportForm branchId={branch.id} />
        </div>
      </main>
    </>
  );
}
