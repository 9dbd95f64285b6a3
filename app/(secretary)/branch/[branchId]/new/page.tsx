import { MemberForm } from "@/components/member-form";
import { PageHeader } from "@/components/ui/page-header";
import { loadNode } from "@/db/queries/org";
import { t } from "@/lib/messages";
import { canManageRoster } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { addMemberAction } from "../../actions";

export const metadata = { title: t.roster.add };

export default async function AddMemberPage({ params }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const branch = await pageData(loadNode(db, scope, branchId, (path) => canManageRoster(scope, path)));
  return (
    <>
      <PageHeader title={t.roster.add} back={`/branch/${branch.id}`} />
      <main className="p-4">
        <div className="rounded-xl bg-white p-4">
          <p className="mb-4 text-stone-600">{branch.name}</p>
          <MemberForm
            action={addMemberAction}
            hidden={{ branchId: branch.id }}
            submitLabel={t.roster.add}
            resetOnSuccess
          />
        </div>
      </main>
    </>
  );
}
