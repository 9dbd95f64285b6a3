import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { PageHeader } from "@/components/ui/page-header";
import { branchFeedback } from "@/db/queries/community-feedback";
import { formatHours, parseQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { quarterQuery } from "@/lib/validation/community";

export const metadata = { title: t.community.card };

const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

/** One feedback card per in-office member for the quarter, laid out to print on A4 (two or three a page). */
export default async function FeedbackCardsPage({ params, searchParams }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const q = parseQuarter(quarterQuery.parse(await searchParams).quarter, new Date());
  const { branch, rows } = await pageData(branchFeedback(db, scope, branchId, q));
  const cards = rows.filter((r) => r.inOffice);
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title={t.community.printCards}
          back={`/branch/${branch.id}/community?quarter=${q.year}-Q${q.quarter}`}
        />
      </div>
      <main className="space-y-4 p-4 print:space-y-0 print:p-0">
        <PrintButton>{t.community.printCards}</PrintButton>
        {cards.map((r) => (
          <article
            key={r.memberId}
            className="break-inside-avoid rounded-xl bg-white p-4 shadow-sm print:mb-[8mm] print:rounded-none print:border print:border-black print:shadow-none"
          >
            <h2 className="text-center text-lg font-semibold">{t.community.card}</h2>
            <p className="mb-2 text-center text-sm text-stone-600">{t.community.quarter(q.year, q.quarter)}</p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              {[
                [t.common.name, r.name],
                [t.orgKind.branch, branch.name],
                [t.community.community, r.communityName ? `${r.communityName} · ${r.gridName}` : "—"],
                [
                  t.community.title,
                  `${t.community.standing[r.standing]}${r.validUntil ? `（${t.community.validUntil(day.format(r.validUntil))}）` : ""}`,
                ],
                [t.community.posts, r.posts.join("、") || "—"],
                [t.community.quarterActivities, String(r.quarterActivities)],
                [t.community.quarterHours, t.community.hoursUnit(formatHours(r.quarterHalfHours))],
                [t.community.yearHours, t.community.hoursUnit(formatHours(r.yearHalfHours))],
              ].map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-stone-600">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </article>
        ))}
        <PrintFooter issuer={branch.name} signers={[t.print.secretary]} />
      </main>
    </>
  );
}
