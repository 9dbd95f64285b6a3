import Link from "next/link";
import { Card, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPlan } from "@/db/queries/plans";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, monthOf, toLocalInput } from "@/lib/time";
import { PlanForm } from "../plan-form";

export default async function PlanPage({ params }: PageArgs<"planId">) {
  const { db, scope } = await pageContext();
  const planId = await pageId(params, "planId");
  const { plan, items } = await pageData(getPlan(db, scope, planId));
  const editable = plan.startsAt > new Date();
  return (
    <>
      <PageHeader title={plan.title} back="/admin/plans" />
      <main className="space-y-4 p-4">
        <Card>
          <p className="flex items-center gap-2">
            <Tag>{t.plans.version(plan.version)}</Tag> {formatFull(plan.startsAt)} ·{" "}
            {t.common.minutes(plan.durationMinutes)}
            {plan.place && ` · ${plan.place}`}
          </p>
          <ol className="mt-3 list-decimal space-y-1 pl-6">
            {items.map((i) => (
              <li key={i.id}>
                {i.title} {i.mandatory && <Tag tone="red">{t.plans.mandatory}</Tag>}
              </li>
            ))}
          </ol>
          <Link
            href={`/admin/compliance?month=${monthOf(plan.startsAt)}`}
            className="mt-3 inline-block min-h-11 py-2 text-brand underline"
          >
            {t.compliance.title}
          </Link>
        </Card>
        {editable && (
          <Card title={t.plans.revise}>
            <p className="mb-3 text-sm text-stone-600">{t.plans.reviseHint}</p>
            <PlanForm
              defaults={{
                planId: plan.id,
                title: plan.title,
                startsAt: toLocalInput(plan.startsAt),
                durationMinutes: plan.durationMinutes,
                place: plan.place,
                materials: plan.materials,
                links: plan.links,
                items: items
                  .filter((i) => i.kind === "custom")
                  .map((i) => ({ title: i.title, mandatory: i.mandatory })),
              }}
            />
          </Card>
        )}
      </main>
    </>
  );
}
