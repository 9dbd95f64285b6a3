import Link from "next/link";
import { Card, Tag } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { recordsOverview } from "@/db/queries/records";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull, monthOf } from "@/lib/time";
import { recordsQuery } from "@/lib/validation/minutes";

export const metadata = { title: t.records.title };

/**
 * The county's view of the branches' records, beside the theme day's compliance view: for a month or a
 * year, each branch's activities held and their minutes signed or missing; deviations marked the same way.
 */
export default async function RecordsPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext();
  const query = recordsQuery.safeParse(await searchParams);
  const year = query.success ? query.data.year : undefined;
  const month = (query.success && query.data.month) || monthOf(new Date());
  const period = year ? { year } : { month };
  const rows = await pageData(recordsOverview(db, scope, period));
  const deviations = rows.filter((r) => r.deviation).length;

  return (
    <>
      <PageHeader title={t.records.title} back="/admin" />
      <main className="space-y-3 p-4">
        <div className="grid grid-cols-2 gap-2">
          <FilterForm submit={t.records.show}>
            <Field type="month" name="month" label={t.records.month} defaultValue={month} />
          </FilterForm>
          <FilterForm submit={t.records.show}>
            <Field
              type="number"
              name="year"
              label={t.records.year}
              min={2000}
              max={2100}
              defaultValue={year ?? Number(month.slice(0, 4))}
            />
          </FilterForm>
        </div>
        <Card>
          <p className="font-medium">{year ? `${year}` : t.points.month(month)}</p>
          <p className="text-sm text-stone-700">{t.records.summary(rows.length, deviations)}</p>
        </Card>
        <ul className="space-y-2" aria-label={t.records.branches}>
          {rows.map((r) => (
            <li
              key={r.branchId}
              className={`rounded-xl bg-white p-3 ${r.deviation ? "border-l-4 border-red-600" : ""}`}
            >
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">{r.branchName}</span>
                {r.deviation && <Tag tone="red">{t.records.attention}</Tag>}
              </div>
              <div className="mt-1 flex flex-wrap gap-1 text-sm">
                {r.held === 0 ? (
                  <Tag tone="red">{t.records.none}</Tag>
                ) : (
                  <>
                    <Tag>
                      {t.records.held} {t.records.count(r.held)}
                    </Tag>
                    <Tag tone="green">
                      {t.records.signed} {t.records.count(r.signed)}
                    </Tag>
                    {r.missing.length > 0 && (
                      <Tag tone="red">
                        {t.records.missing} {t.records.count(r.missing.length)}
                      </Tag>
                    )}
                  </>
                )}
                {/* Held once a year: over a year, each is shown, and its absence is a deviation. */}
                {year &&
                  (
                    [
                      [t.records.orgLife, r.orgLife],
                      [t.records.review, r.reviews],
                    ] as const
                  ).map(([label, n]) => (
                    <Tag key={label} tone={n > 0 ? "green" : "red"}>
                      {label} {n > 0 ? t.records.count(n) : t.records.notHeld}
                    </Tag>
                  ))}
              </div>
              {r.missing.length > 0 && (
                <ul className="mt-2 text-sm" aria-label={`${r.branchName} ${t.records.missingList}`}>
                  {r.missing.map((m) => (
                    <li key={m.activityId}>
                      <Link
                        href={`/branch/activities/${m.activityId}/minutes`}
                        className="inline-block min-h-11 py-2 text-brand underline"
                      >
                        {formatFull(m.startsAt)} · {t.activityType[m.type as keyof typeof t.activityType]}：{m.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
