import { FeedbackForm } from "@/components/feedback/feedback-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { feedbackBranches } from "@/db/queries/feedback";
import { t } from "@/lib/messages";
import { openPageContext } from "@/lib/server/session";

export const metadata = { title: t.feedback.sendTitle };

/** Anyone may send one: signed in it is theirs to follow; signed out it ends with a receipt code. */
export default async function NewFeedbackPage() {
  const { db, scope } = await openPageContext();
  const branches = await feedbackBranches(db);
  return (
    <>
      <PageHeader title={t.feedback.sendTitle} back="/feedback" />
      <main className="space-y-4 p-4">
        <Card>
          <p className="mb-4 text-sm text-stone-600">{t.feedback.intro}</p>
          <FeedbackForm signedIn={scope !== null} branches={branches} />
        </Card>
      </main>
    </>
  );
}
