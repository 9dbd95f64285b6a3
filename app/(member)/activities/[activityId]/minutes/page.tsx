import { notFound } from "next/navigation";
import { MinutesView } from "@/components/minutes-view";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { DownloadLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { minutesFor } from "@/db/queries/minutes";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";

export const metadata = { title: t.minutes.title };

/**
 * The minutes to read and to print on A4: for the members who attended once they are signed, and for the
 * secretary and the admins above (docs/architecture.md#minutes). Read-only for everyone.
 */
export default async function ReadMinutesPage({ params }: { params: Promise<{ activityId: string }> }) {
  const { db, scope } = await pageContext();
  const activityId = id.safeParse((await params).activityId);
  if (!activityId.success) notFound();
  const { activity, record, attachments } = await pageData(minutesFor(db, scope, activityId.data));
  if (activity.status !== "closed") notFound();

  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.minutes.title} back={`/activities/${activity.id}`} />
      </div>
      <main className="space-y-4 p-4 print:p-0">
        <div className="grid grid-cols-2 gap-2 print:hidden">
          <PrintButton>{t.minutes.print}</PrintButton>
          <DownloadLink href={`/api/v1/activities/${activity.id}/minutes`}>{t.minutes.download}</DownloadLink>
        </div>
        <MinutesView record={record} attachments={attachments} />
        <PrintFooter
          issuer={activity.branchName}
          signers={[t.minutes.chair, t.minutes.recorder]}
          issuedAt={record.signedAt ?? undefined}
          printOnly
        />
      </main>
    </>
  );
}
