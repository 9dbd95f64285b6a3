import Link from "next/link";
import { PhaseTag } from "@/components/phase-tag";
import { Card, EmptyState, Tag } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { complianceForMonth } from "@/db/queries/compliance";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, monthOf } from "@/lib/time";
import { complianceQuery } from "@/lib/validation/activities";

export const metadata = { title: t.compliance.title };

const timingTag = {
  on_time: ["green", t.compliance.onTime],
  moved: ["blue", t.compliance.moved],
  off_time: ["red", t.compliance.offTime],
  missing: ["red", t.compliance.missing],
} as const;

export default async function CompliancePage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext();
  const query = complianceQuery.safeParse(await searchParams);
  const month = (query.success && query.data.month) || monthOf(new Date());
  const { plan, rows } = await pageData(complianceForMonth(db, scope, month));
  const deviations = rows.filter((r) => r.deviation).length;

  return (
    <>
      <PageHeader title={t.compliance.title} back="/admin" />
      <main className="space-y-3 p-4">
        <FilterForm submit={t.compliance.show}>
          <Field type="month" name="month" label={t.compliance.month} defaultValue={month} />
        </FilterForm>
        {!plan ? (
          <EmptyState>{t.compliance.noPlan}</EmptyState>
        ) : (
          <>
            <Card>
              <p className="font-medium">{plan.title}</p>
              <p className="text-sm text-stone-700">
                {t.compliance.summary(formatFull(plan.startsAt), rows.length, deviations)}
              </p>
            </Card>
            <ul className="space-y-2" aria-label={t.compliance.branches}>
              {rows.map((r) => {
                const [tone, label] = timingTag[r.timing];
                return (
                  <li
                    key={r.branchId}
                    className={`rounded-xl bg-white p-3 ${r.deviation ? "border-l-4 border-red-600" : ""}`}
                  >
                    <div className="flex items-center justify-between gap-2">
                      {r.activityId ? (
                        <Link
                          href={`/branch/activities/${r.activityId}`}
                          className="font-medium underline-offset-4 hover:underline"
                        >
                          {r.branchName}
                        </Link>
                      ) : (
                        <span className="font-medium">{r.branchName}</span>
                      )}
                      {r.deviation && <Tag tone="red">{t.compliance.attention}</Tag>}
                    </div>
                    <div className="mt-1 flex flex-wrap gap-1 text-sm">
                      <Tag tone={tone}>{label}</Tag>
                      {r.activityId && (
                        <>
                          {r.phase && <PhaseTag phase={r.phase} />}
                          <Tag tone={r.openSteps === 0 ? "green" : "amber"}>
                            {t.compliance.steps}：
                            {r.openSteps === 0 ? t.compliance.complete : t.compliance.incomplete(r.openSteps)}
                          </Tag>
                          <Tag>
                            {t.compliance.rate}：
                            {r.rate == null ? "—" : t.compliance.rateValue(r.rate, r.attended, r.expected, r.onLeave)}
                          </Tag>
                        </>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
