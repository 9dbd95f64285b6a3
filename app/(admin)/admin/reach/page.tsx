import { ReachSettingsForm } from "@/components/reach/settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countyReach } from "@/db/queries/reach-settings";
import { t } from "@/lib/messages";
import { pageData } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { smsOn } from "@/lib/server/sms";

export const metadata = { title: t.reach.settings.title };

/** The county's 通知与短信设置 (docs/reminders-and-sms.md): what reaches members beyond the in-app notice. */
export default async function ReachSettingsPage() {
  const { db, scope } = await pageContext();
  const settings = await pageData(countyReach(db, scope));
  return (
    <>
      <PageHeader title={t.reach.settings.title} back="/admin" />
      <main className="space-y-4 p-4">
        <p className="text-stone-700">{t.reach.settings.intro}</p>
        {!smsOn() && (
          <p role="status" className="rounded-lg bg-amber-50 p-3 text-amber-900">
            {t.reach.settings.channelOff}
          </p>
        )}
        <Card>
          <ReachSettingsForm settings={settings} />
        </Card>
      </main>
    </>
  );
}
