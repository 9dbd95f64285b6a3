import Link from "next/link";
import { redirect } from "next/navigation";
import { CheckinMarkTags } from "@/components/checkin-mark-tags";
import { OutcomeTag } from "@/components/outcome-tag";
import { EmptyState, Tag } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myActivities } from "@/db/queries/member-activities";
import type { ActivityType, Outcome } from "@/db/schema/activities";
import type { ActivityPhase } from "@/lib/activity-phase";
import { checkinMarks } from "@/lib/checkin-marks";
import { t } from "@/lib/messages";
import { homePath } from "@/lib/permissions";
import { pageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";

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
      {items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-xl bg-white">
          {items.map((a) => (
            <li key={a.id}>
              {/* No prefetch: opening the page is the read receipt, and a prefetch is not the member reading it. */}
              <Link href={`/activities/${a.id}`} prefetch={false} className="block px-4 py-3">
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium">{a.title}</span>
                  <span className="flex shrink-0 flex-wrap justify-end gap-1">
                    {/* How it was recorded, where not by the member's own scan: 代签, 离线补传, 主持. */}
                    {a.outcome && <CheckinMarkTags marks={checkinMarks(a)} />}
                    <OutcomeTag outcome={a.outcome} expected={a.expected} phase={a.phase} />
                  </span>
                </span>
                <span className="mt-1 flex items-center gap-2 text-sm text-stone-600">
                  <Tag tone={a.type === "theme_day" ? "red" : "blue"}>{t.activityType[a.type]}</Tag>
                  {formatWhen(a.startsAt)}
                  {a.place && <span className="truncate">{a.place}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
