import Link from "next/link";
import { Tag } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/db/queries/audit";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { auditQuery } from "@/lib/validation/org";

export const metadata = { title: t.audit.title };

const time = new Intl.DateTimeFormat("zh-CN", { dateStyle: "short", timeStyle: "medium", timeZone: "Asia/Shanghai" });
/** A calendar day in Asia/Shanghai as the instant it starts. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

const labels: Record<string, string> = t.audit.actions;
/** Entries older than a renamed action keep their code; they still get a Chinese name, not the code. */
const actionLabel = (code: string) => labels[code] ?? t.audit.unknownAction;
/** By name, as a reader looks for one (an object keeps this order: no code is a number). */
const actionChoices = Object.fromEntries(Object.entries(labels).sort(([, a], [, b]) => a.localeCompare(b, "zh-CN")));

export default async function AuditPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext();
  const params = await searchParams;
  const query = auditQuery.safeParse(params);
  const filter = query.success ? query.data : {};
  const rows = await pageData(
    listAudit(db, scope, {
      ...filter,
      from: filter.from ? dayStart(filter.from) : undefined,
      to: filter.to ? new Date(dayStart(filter.to).getTime() + 86_400_000) : undefined,
    }),
  );
  const older = rows.length === 50 ? new URLSearchParams({ ...params, before: String(rows.at(-1)!.id) }) : null;

  return (
    <>
      <PageHeader title={t.audit.title} back="/admin" />
      <main className="space-y-3 p-4">
        <FilterForm submit={t.audit.filter} columns={2}>
          <div className="col-span-2">
            <Select
              name="action"
              label={t.audit.action}
              defaultValue={filter.action ?? ""}
              options={{ "": t.audit.allActions, ...actionChoices }}
            />
          </div>
          <Field type="date" name="from" label={t.audit.from} defaultValue={filter.from} />
          <Field type="date" name="to" label={t.audit.to} defaultValue={filter.to} />
          <Select
            name="outcome"
            label={t.audit.outcomeLabel}
            defaultValue={filter.outcome ?? ""}
            options={{ "": t.common.all, ...t.audit.outcome }}
          />
        </FilterForm>
        {rows.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-center text-stone-600">{t.audit.empty}</p>
        ) : (
          <ol className="divide-y divide-stone-100 rounded-xl bg-white">
            {rows.map((r) => (
              <li key={r.id} className="px-4 py-2 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{actionLabel(r.action)}</span>
                  <Tag tone={r.outcome === "ok" ? "green" : "red"}>{t.audit.outcome[r.outcome]}</Tag>
                </div>
                <div className="text-stone-600">
                  {time.format(r.at)} · {r.actorName ?? "—"}
                  {r.targetType && ` · ${t.audit.targets[r.targetType] ?? t.audit.targets.other} #${r.targetId}`}
                </div>
              </li>
            ))}
          </ol>
        )}
        {older && (
          <Link
            href={`/admin/audit?${older}`}
            className="block min-h-11 rounded-xl bg-white py-3 text-center text-brand"
          >
            {t.audit.more}
          </Link>
        )}
      </main>
    </>
  );
}
