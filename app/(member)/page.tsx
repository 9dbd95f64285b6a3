import { redirect } from "next/navigation";
import { MemberTags } from "@/components/member-tags";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMember } from "@/db/queries/roster";
import { t } from "@/lib/messages";
import { homePath } from "@/lib/permissions";
import { pageContext } from "@/lib/session";

export default async function HomePage() {
  const { db, scope, user } = await pageContext();
  if (!scope.member) redirect(homePath(scope));
  const me = await getMember(db, scope, user.id);
  return (
    <>
      <PageHeader title={t.app.name} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="text-xl font-semibold">{t.home.greeting(me.name)}</p>
          <p className="mt-1 text-stone-700">
            {t.home.myBranch}：{me.branchName}
          </p>
          <div className="mt-2">
            <MemberTags m={me} />
          </div>
        </Card>
        <Card title={t.home.nextActivity}>
          <p className="text-stone-700">{t.home.noActivity}</p>
        </Card>
      </main>
    </>
  );
}
