import { randomUUID } from "node:crypto";
import { HoursForm } from "@/components/community/hours-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDate } from "@/lib/community";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/server/session";

export const metadata = { title: t.community.submitHours };

/** A member records hours they served; the grid worker of their grid confirms, adjusts or rejects them. */
export default async function SubmitHoursPage() {
  await pageContext();
  return (
    <>
      <PageHeader title={t.community.submitHours} back="/community" />
      <main className="p-4">
        <Card>
          {/* One id per visit: a second tap or a replay after a lost answer is the same entry. */}
          <HoursForm clientId={randomUUID()} today={shanghaiDate(new Date())} done="/community" />
        </Card>
      </main>
    </>
  );
}
