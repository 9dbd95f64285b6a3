import { notFound } from "next/navigation";
import { MinutesView } from "@/components/minutes-view";
import { ButtonLink, DownloadLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { minutesFor } from "@/db/queries/minutes";
import { t } from "@/lib/messages";
import { type PageArgs, pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { id } from "@/lib/validation/fields";
import { AddendumForm, MinutesForm, SignForm } from "./minutes-forms";

export const metadata = { title: t.minutes.title };

/**
 * The minutes of a closed activity for its secretary (docs/architecture.md#minutes): the recorded facts as
 * the records hold them, what people write, the sign-off, and after it only addenda.
 */
export default async function MinutesPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = id.safeParse((await params).activityId);
  if (!activityId.success) notFound();
  const data = await pageData(minutesFor(db, scope, activityId.data));
  const { activity, record, minutes, attachments, candidates, canWrite } = data;
  const signed = Boolean(minutes?.signedAt);

  return (
    <>
      <PageHeader title={t.minutes.title} back={`/branch/activities/${activity.id}`} />
      <main className="space-y-4 p-4">
        {activity.status !== "closed" ? (
          <Card>
            <p className="text-stone-700">{t.minutes.notClosed}</p>
          </Card>
        ) : (
          <>
            <p className="text-sm text-stone-600">{t.minutes.factsHint}</p>
            <MinutesView record={record} attachments={attachments} />
            <div className="grid grid-cols-2 gap-2">
              <ButtonLink href={`/activities/${activity.id}/minutes`} variant="secondary">
                {t.minutes.printPage}
              </ButtonLink>
              <DownloadLink href={`/api/v1/activities/${activity.id}/minutes`}>{t.minutes.download}</DownloadLink>
            </div>
            {canWrite && !signed && (
              <Card title={t.minutes.title}>
                <MinutesForm
                  activityId={activity.id}
                  version={minutes?.version ?? 0}
                  chairId={minutes?.chairId ?? null}
                  recorderId={minutes?.recorderId ?? null}
                  discussion={minutes?.discussion ?? ""}
                  resolutions={minutes?.resolutions ?? ""}
                  candidates={candidates}
                />
              </Card>
            )}
            {canWrite && !signed && minutes && (
              <Card title={t.minutes.sign}>
                <SignForm activityId={activity.id} version={minutes.version} />
              </Card>
            )}
            {signed && <p className="text-sm text-stone-700">{t.minutes.signed}</p>}
            {canWrite && signed && (
              <Card title={t.minutes.addenda}>
                <AddendumForm activityId={activity.id} />
              </Card>
            )}
          </>
        )}
      </main>
    </>
  );
}
