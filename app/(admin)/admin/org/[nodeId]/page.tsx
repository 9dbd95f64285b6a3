import { EndSessionsButton } from "@/components/end-sessions-button";
import { RevealPhone } from "@/components/reveal-phone";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getNodeWithGrants } from "@/db/queries/org";
import { t } from "@/lib/messages";
import { canManageOrg, childKinds, rolesFor } from "@/lib/permissions";
import { maskPhone } from "@/lib/phone";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { CreateChildForm, GrantForm, RenameForm, RevokeButton } from "./node-forms";

export default async function NodePage({ params }: PageArgs<"nodeId">) {
  const { db, scope } = await pageContext();
  const nodeId = await pageId(params, "nodeId");
  const { node, grants } = await pageData(getNodeWithGrants(db, scope, nodeId));
  const manage = canManageOrg(scope, node.path);
  const kinds = childKinds[node.kind];

  return (
    <>
      <PageHeader title={node.name} back="/admin" />
      <main className="space-y-4 p-4">
        {node.kind === "branch" && (
          <ButtonLink href={`/branch/${node.id}`} variant="secondary" className="w-full">
            {t.roster.title}
          </ButtonLink>
        )}
        <Card title={t.org.roles}>
          {grants.length === 0 ? (
            <EmptyState>{t.org.noRoles}</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100">
              {grants.map((g) => (
                <li key={g.id} className="flex items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{g.name}</span>{" "}
                    <span className="text-sm text-stone-600">{t.roles[g.role]}</span>
                    <span className="block text-sm text-stone-600">
                      <RevealPhone userId={g.userId} masked={maskPhone(g.phone)} canReveal={manage} />
                    </span>
                  </span>
                  {manage && (
                    <span className="flex flex-wrap justify-end gap-2">
                      {g.userId !== scope.userId && <EndSessionsButton userId={g.userId} label={g.name} />}
                      <RevokeButton grantId={g.id} label={g.name} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {manage && (
          <>
            <Card title={t.org.grant}>
              <GrantForm nodeId={node.id} roles={rolesFor[node.kind]} />
            </Card>
            {kinds.length > 0 && (
              <Card title={t.org.create}>
                <CreateChildForm parentId={node.id} kinds={kinds} />
              </Card>
            )}
            <Card title={t.org.rename}>
              <RenameForm nodeId={node.id} name={node.name} />
            </Card>
          </>
        )}
      </main>
    </>
  );
}
