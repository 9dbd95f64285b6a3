import { BranchTabs } from "@/components/branch-tabs";
import { StandingTag } from "@/components/community/standing-tag";
import { PeriodNav } from "@/components/period-nav";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid } from "@/components/ui/stat-grid";
import { branchFeedback } from "@/db/queries/community-feedback";
import { formatHours, parseQuarter, shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.community.feedback };

/** The branch's community feedback: per member, where they reported, whether it is current, their hours. */
export default async function BranchCommunityPage({ params, searchParams }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const query = quarterQuery.parse(await searchParams);
  const q = parseQuarter(query.quarter, new Date());
  const { branch, rows } = await pageData(branchFeedback(db, scope, branchId, q));
  const quarter = `${q.year}-Q${q.quarter}`;
  const inOffice = rows.filter((r) => r.inOffice);
  const reported = inOffice.filter((r) => r.standing === "current" || r.standing === "due").length;
  const total = rows.reduce((sum, r) => sum + r.quarterHalfHours, 0);

  return (
    <>
      <PageHeader title={branch.name} />
      <main className="space-y-3 p-4">
        <BranchTabs branchId={branch.id} current="community" />
        <PeriodNav
          label={t.community.quarter(q.year, q.quarter)}
          prev={`/branch/${branch.id}/community?quarter=${shiftQuarter(q, -1)}`}
          next={`/branch/${branch.id}/community?quarter=${shiftQuarter(q, 1)}`}
        />
        <Card>
          <StatGrid
            items={[
              [t.community.inOfficeCount, inOffice.length],
              [t.community.reportedCount, reported],
              [t.community.quarterHours, formatHours(total)],
            ]}
          />
          <p className="mt-2 text-sm text-stone-600">{t.community.feedbackHint}</p>
        </Card>
        <div className="grid grid-cols-2 gap-2">
          <DownloadLink href={`/api/v1/branches/${branch.id}/community-feedback?quarter=${quarter}`}>
            {t.community.exportXlsx}
          </DownloadLink>
          <ButtonLink href={`/branch/${branch.id}/community/cards?quarter=${quarter}`} variant="secondary">
            {t.community.printCards}
          </ButtonLink>
        </div>
        <Card>
          <ul className="divide-y divide-stone-100" aria-label={t.community.feedback}>
            {rows.map((r) => (
              <li key={r.memberId} className="py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{r.name}</span>
                  {r.inOffice ? (
                    <StandingTag standing={r.standing} />
                  ) : (
                    <span className="text-sm text-stone-600">{t.member.employment.retired}</span>
                  )}
                </p>
                {r.communityName && (
                  <p className="text-sm text-stone-700">
                    {r.communityName} · {r.gridName}
                  </p>
                )}
                <p className="text-sm text-stone-700">
                  {t.community.quarterHours} {t.community.hoursUnit(formatHours(r.quarterHalfHours))} ·{" "}
                  {t.community.yearHours} {t.community.hoursUnit(formatHours(r.yearHalfHours))}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      </main>
    </>
  );
}
