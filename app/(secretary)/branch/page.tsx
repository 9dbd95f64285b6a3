import Link from "next/link";
import { redirect } from "next/navigation";
import { EmptyState, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { readableBranches } from "@/db/queries/roster";
import { t } from "@/lib/messages";
import { grantsOf } from "@/lib/scope-paths";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.nav.branch };

/** A secretary of one branch goes straight to its roster; someone who reaches several picks one. */
export default async function BranchIndexPage() {
  const { db, scope } = await pageContext();
  const secretaryOf = grantsOf(scope, ["secretary"]);
  if (secretaryOf.length === 1) redirect(`/branch/${secretaryOf[0].nodeId}`);
  const branches = await readableBranches(db, scope);
  return (
    <>
      <PageHeader title={t.nav.branch} />
      <main className="p-4">
        {branches.length === 0 ? (
          <EmptyState>{t.errors.forbidden}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl bg-white">
            {branches.map((b) => (
              <li key={b.id}>
                <Link href={`/branch/${b.id}`} className="flex min-h-14 items-center justify-between px-4">
                  <span>{b.name}</span>
                  {b.retiredCadre && <Tag>{t.org.retiredCadre}</Tag>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
