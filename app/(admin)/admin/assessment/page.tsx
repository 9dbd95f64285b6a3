import { PrintFooter } from "@/components/print-footer";
import { ReportPage } from "@/components/report-page";
import { TierForm } from "@/components/tier-form";
import { Card, Tag } from "@/components/ui/card";
import { yearlyAssessment } from "@/db/queries/assessment";
import { issuingBody } from "@/db/queries/print-issuer";
import { type Part, WEIGHTS } from "@/lib/assessment";
import { t } from "@/lib/messages";
import { isCountyAdmin } from "@/lib/permissions";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { monthOf } from "@/lib/time";
import { yearQuery } from "@/lib/validation/assessment";

export const metadata = { title: t.assessment.title };

const percent = (share: number) => `${Math.round(share * 100)}%`;

type Row = Awaited<ReturnType<typeof yearlyAssessment>>["branches"][number];

/** The year's assessment: each unit's parts, score and proposal; the county admin sets the tier. */
export default async function AssessmentPage({ searchParams }: PageArgs) {
  const { db, scope } = await pageContext({ reads: "replica" });
  const year = yearQuery.parse(await searchParams).year ?? Number(monthOf(new Date()).slice(0, 4));
  const [{ branches, committees }, issuer] = await pageData(
    Promise.all([yearlyAssessment(db, scope, year), issuingBody(db, scope)]),
  );
  const county = isCountyAdmin(scope);
  const unit = (r: Row) => (
    <li key={r.id} className="space-y-2 py-3">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{r.name}</span>
        <span className="text-lg font-semibold">{r.score}</span>
        <Tag tone="blue">{`${t.assessment.proposal}：${t.assessment.tiers[r.proposal]}`}</Tag>
        {r.decided && <Tag tone="green">{t.assessment.decided(t.assessment.tiers[r.decided.tier])}</Tag>}
      </p>
      <p className="flex flex-wrap gap-x-3 text-sm text-stone-700">
        {(Object.keys(WEIGHTS) as Part[]).map((k) => (
          <span key={k}>{`${t.assessment.parts[k]} ${percent(r.parts[k])}`}</span>
        ))}
      </p>
      {Object.keys(r.unmeasured).length > 0 && (
        <p className="text-sm text-amber-800">
          {(Object.entries(r.unmeasured) as [Part, string][])
            .map(([k, why]) => t.assessment.notMet(t.assessment.parts[k], t.assessment.unmeasured[why]))
            .join("；")}
        </p>
      )}
      {r.decided?.note && <p className="text-sm text-stone-700">{r.decided.note}</p>}
      {county && (
        <div className="print:hidden">
          <TierForm year={year} nodeId={r.id} name={r.name} proposal={r.decided?.tier ?? r.proposal} />
        </div>
      )}
    </li>
  );
  return (
    <ReportPage
      title={t.assessment.title}
      back="/admin"
      period={{
        label: t.assessment.year(year),
        prev: `/admin/assessment?year=${year - 1}`,
        next: `/admin/assessment?year=${year + 1}`,
      }}
      download={{ href: `/api/v1/assessment?year=${year}`, label: t.assessment.exportXlsx }}
      printTitle={`${t.assessment.year(year)}${t.assessment.title}`}
    >
      <p className="rounded-xl bg-white p-3 text-sm text-stone-700">{t.assessment.formula}</p>
      <Card title={t.assessment.committees}>
        <ul className="divide-y divide-stone-100" aria-label={t.assessment.committees}>
          {committees.map(unit)}
        </ul>
      </Card>
      <Card title={t.assessment.branches}>
        <ul className="divide-y divide-stone-100" aria-label={t.assessment.branches}>
          {branches.map(unit)}
        </ul>
      </Card>
      <PrintFooter issuer={issuer} signers={[t.print.reviewer]} printOnly />
    </ReportPage>
  );
}
