import { randomUUID } from "node:crypto";
import { CorrectHoursForm } from "@/components/community/grid-forms";
import { HoursForm } from "@/components/community/hours-form";
import { HoursList } from "@/components/community/hours-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { gridHours, reportedMembers } from "@/db/queries/volunteer-hours";
import { formatHours, shanghaiDate } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.community.recordOne };

/** One entry at a time for a member reported in the grid, and the latest confirmed entries to correct. */
export default async function GridHoursPage() {
  const { db, scope } = await pageContext();
  const [people, recent] = await pageData(Promise.all([reportedMembers(db, scope), gridHours(db, scope, "confirmed")]));
  return (
    <>
      <PageHeader title={t.community.recordOne} back="/grid" />
      <main className="space-y-4 p-4">
        <Card>
          {people.length === 0 ? (
            <p className="text-stone-600">{t.community.notInGrid}</p>
          ) : (
            <HoursForm clientId={randomUUID()} today={shanghaiDate(new Date())} members={people} done="/grid" />
          )}
        </Card>
        <Card title={t.community.hours}>
          {recent.length === 0 ? (
            <p className="text-stone-600">{t.community.noHours}</p>
          ) : (
            <HoursList rows={recent}>
              {(h) => <CorrectHoursForm hoursId={h.id} name={h.memberName ?? ""} hours={formatHours(h.halfHours)} />}
            </HoursList>
          )}
        </Card>
      </main>
    </>
  );
}
