import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, Tag } from "@/components/ui/card";
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
        {plans.length === 0 ? (
          <EmptyState>{t.plans.none}</EmptyState>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-xl bg-white">
            {plans.map((p) => (
              <li key={p.id}>
                <Link href={`/admin/plans/${p.id}`} className="block px-4 py-3">
                  <span className="flex items-center justify-between gap-2">
                    <span className="font-medium">{p.title}</span>
                    <Tag>{t.plans.version(p.version)}</Tag>
                  </span>
                  <span className="text-sm text-stone-600">
                    {formatFull(p.startsAt)} · {t.common.minutes(p.durationMinutes)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
