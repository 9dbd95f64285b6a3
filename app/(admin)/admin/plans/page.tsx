import { ButtonLink } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { LinkList } from "@/components/ui/link-list";
import { PageHeader } from "@/components/ui/page-header";
import { listPlans } from "@/db/queries/plans";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull } from "@/lib/time";

export const metadata = { title: t.plans.list };

export default async function PlansPage() {
  const { db, scope } = await pageContext();
  const plans = await pageData(listPlans(db, scope));
  return (
    <>
      <PageHeader title={t.plans.list} back="/admin" />
      <main className="space-y-3 p-4">
        <ButtonLink href="/admin/plans/new" className="w-full">
          {t.plans.publish}
        </ButtonLink>
        <LinkList
          empty={t.plans.none}
          rows={plans.map((p) => ({
            key: p.id,
            href: `/admin/plans/${p.id}`,
            title: p.title,
            aside: <Tag>{t.plans.version(p.version)}</Tag>,
            detail: `${formatFull(p.startsAt)} · ${t.common.minutes(p.durationMinutes)}`,
          }))}
        />
      </main>
    </>
  );
}
