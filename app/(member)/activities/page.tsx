import { redirect } from "next/navigation";
import { ActivityDetail } from "@/components/activity-detail";
import { CheckinMarkTags } from "@/components/checkin-mark-tags";
import { OutcomeTag } from "@/components/outcome-tag";
import { EmptyState } from "@/components/ui/card";
import { LinkList } from "@/components/ui/link-list";
import { PageHeader } from "@/components/ui/page-header";
import { myActivities } from "@/db/queries/member-activities";
import type { ActivityType, Outcome } from "@/db/schema/activities";
import type { ActivityPhase } from "@/lib/activity-phase";
import { checkinMarks } from "@/lib/checkin-marks";
import { t } from "@/lib/messages";
import { homePath } from "@/lib/permissions";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.nav.activities };

interface Item {
  id: number;
  type: ActivityType;
  title: string;
  startsAt: Date;
  place: string;
  phase: ActivityPhase;
  expected: boolean;
  outcome: Outcome | null;
  source: string | null;
  method: string | null;
  offline: boolean | null;
  review: string | null;
}

export default async function ActivitiesPage() {
  const { db, scope } = await pageContext();
  if (!scope.member) redirect(homePath(scope));
  const { upcoming, past } = await myActivities(db, scope);
  return (
    <>
      <PageHeader title={t.nav.activities} />
      <main className="space-y-4 p-4">
        {upcoming.length === 0 && past.length === 0 ? (
          <EmptyState>{t.empty.activities}</EmptyState>
        ) : (
          <>
            <Section title={t.memberActivity.upcoming} items={upcoming} empty={t.memberActivity.noUpcoming} />
            {past.length > 0 && <Section title={t.memberActivity.history} items={past} />}
          </>
        )}
      </main>
    </>
  );
}

function Section({ title, items, empty }: { title: string; items: Item[]; empty?: string }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-2 px-1 font-semibold text-stone-700">{title}</h2>
      <LinkList
        empty={empty}
        rows={items.map((a) => ({
          key: a.id,
          href: `/activities/${a.id}`,
          title: a.title,
          aside: (
            <>
              {/* How it was recorded, where not by the member's own scan: 代签, 离线补传, 主持. */}
              {a.outcome && <CheckinMarkTags marks={checkinMarks(a)} />}
              <OutcomeTag outcome={a.outcome} expected={a.expected} phase={a.phase} />
            </>
          ),
          detail: <ActivityDetail {...a} />,
        }))}
      />
    </section>
  );
}
