import { PageHeader } from "@/components/ui/page-header";
import { loadNode } from "@/db/queries/org";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { MeetingForm } from "./meeting-form";

export const metadata = { title: t.run.newMeeting };

export default async function NewMeetingPage({ params }: PageArgs<"branchId">) {
  const { db, scope } = await pageContext();
  const branchId = await pageId(params, "branchId");
  const branch = await pageData(loadNode(db, scope, branchId, (path) => canManageActivity(scope, path)));
  return (
    <>
      <PageHeader title={t.run.newMeeting} back={`/branch/${branch.id}/activities`} />
      <main className="p-4">
        <div className="rounded-xl bg-white p-4">
          <p className="mb-4 text-stone-600">{t.run.newMeetingIntro(branch.name)}</p>
          <MeetingForm branchId={branch.id} />
        </div>
      </main>
    </>
  );
}
