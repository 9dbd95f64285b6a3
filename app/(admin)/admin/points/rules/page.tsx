import { RuleForm } from "@/components/points/points-forms";
import { ReviewShareForm } from "@/components/review/review-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SwitchForm } from "@/components/ui/switch-form";
import { memberRankingOn } from "@/db/queries/point-views";
import { ruleVersions } from "@/db/queries/points";
import { reviewShare } from "@/db/queries/reviews";
import { shanghaiDate } from "@/lib/community";
import { t } from "@/lib/messages";
import { RULE_CODES, signed } from "@/lib/points";
import { countyGrant } from "@/lib/scope-paths";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { setRankingAction } from "../actions";

export const metadata = { title: t.points.ruleEditor };

/** The county's rules: each with its versions, and a form for a new version from a chosen day. */
export default async function PointRulesPage() {
  const { db, scope } = await pageContext();
  const versions = await pageData(ruleVersions(db, scope));
  const ranking = await memberRankingOn(db, countyGrant(scope).path);
  const share = await reviewShare(db, scope);
  const codes = RULE_CODES.filter((code) => versions.some((v) => v.code === code));
  const today = shanghaiDate(new Date());
  return (
    <>
      <PageHeader title={t.points.ruleEditor} back="/admin/points" />
      <main className="space-y-3 p-4">
        <p className="text-stone-700">{t.points.ruleHint}</p>
        <Card title={t.points.ranking.title}>
          <SwitchForm action={setRankingAction} on={ranking} labels={t.points.ranking} stateId="ranking-state" />
        </Card>
        <Card title={t.review.share}>
          <ReviewShareForm numerator={share.numerator} denominator={share.denominator} />
        </Card>
        {codes.map((code) => {
          const mine = versions.filter((v) => v.code === code);
          const [latest] = mine;
          return (
            <Card key={code} title={t.points.rules[code]}>
              <ul className="space-y-1 text-stone-800" aria-label={t.points.rules[code]}>
                {mine.map((v) => (
                  <li key={v.id} className="flex flex-wrap gap-x-3">
                    <span>{t.points.ruleVersion(v.version)}</span>
                    <span className="font-semibold">{signed(v.points)}</span>
                    <span>
                      {v.cap !== null && v.capPeriod
                        ? `${t.points.cap} ${t.points.capPeriod[v.capPeriod]} ${v.cap}`
                        : t.points.noCap}
                    </span>
                    <span className="text-stone-600">{`${t.points.effectiveFrom} ${v.effectiveFrom}`}</span>
                  </li>
                ))}
              </ul>
              <RuleForm
                code={code}
                points={latest.points}
                cap={latest.cap}
                capped={latest.capPeriod !== null}
                today={today}
              />
            </Card>
          );
        })}
      </main>
    </>
  );
}
