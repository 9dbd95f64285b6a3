import Link from "next/link";
import type { ActivityPhase } from "@/lib/activity-phase";
import { activityType } from "@/lib/messages/activity-type";
import { home } from "@/lib/messages/home";
import { memberActivity } from "@/lib/messages/member-activity";
import { formatWhen } from "@/lib/time";
import { PhaseTag } from "./phase-tag";
import { Card, Tag } from "./ui/card";

/** What the member's branch has planned next, as the home (`/`) and the start page (`/today`) both show it. */
export interface NextActivity {
  id: number;
  type: keyof typeof activityType;
  title: string;
  startsAt: Date;
  place: string | null;
  phase: ActivityPhase;
  steps: { title: string }[];
}

/**
 * The next activity's card: type, phase, title, time, place and agenda, with the link to its page. Rendered on
 * the server for the home and in the browser for /today, so it takes only the message areas it shows.
 */
export function NextActivityCard({ next }: { next: NextActivity | null }) {
  return (
    <Card title={home.nextActivity}>
      {next ? (
        <div className="space-y-2" data-testid="next-activity">
          <p className="flex flex-wrap items-center gap-2">
            <Tag tone={next.type === "theme_day" ? "red" : "blue"}>{activityType[next.type]}</Tag>
            <PhaseTag phase={next.phase} />
            <span className="text-lg font-medium">{next.title}</span>
          </p>
          <p className="text-stone-800">{formatWhen(next.startsAt)}</p>
          <p className="text-stone-700">{next.place || memberActivity.placeTbd}</p>
          {next.steps.length > 0 && (
            <p className="text-sm text-stone-600">
              {memberActivity.agenda}：{next.steps.map((s) => s.title).join("、")}
            </p>
          )}
          {/* No prefetch: opening the page is the read receipt, and a prefetch is not the member reading it. */}
          <Link
            href={`/activities/${next.id}`}
            prefetch={false}
            className="inline-flex min-h-11 items-center font-medium text-brand underline"
          >
            {memberActivity.details}
          </Link>
        </div>
      ) : (
        <p className="text-stone-700">{home.noActivity}</p>
      )}
    </Card>
  );
}
