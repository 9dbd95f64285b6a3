import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { communityChoices, myCommunity } from "@/db/queries/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { ReportForm } from "./report-form";

export const metadata = { title: t.community.report };

/** Reporting to the community where the member lives: a first report, a renewal or a move. */
export default async function ReportPage() {
  const { db, scope } = await pageContext();
  const [mine, choices] = await pageData(Promise.all([myCommunity(db, scope), communityChoices(db)]));
  return (
    <>
      <PageHeader title={t.community.report} back="/community" />
      <main className="space-y-4 p-4">
        <Card>
          {!mine.inOffice ? (
            <p className="text-stone-700">{t.community.onlyInOffice}</p>
          ) : mine.pending ? (
            <p className="text-stone-700">{t.community.alreadyPending}</p>
          ) : (
            <ReportForm choices={choices} initialCommunity={mine.confirmed?.communityId} />
          )}
        </Card>
      </main>
    </>
  );
}
