import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { totpStatus } from "@/db/queries/totp";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/server/session";
import { TwoFactorPanel } from "./two-factor-forms";

export const metadata = { title: t.totp.title };

const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

export default async function TwoFactorPage() {
  const { db, scope } = await pageContext();
  const status = await totpStatus(db, scope);
  return (
    <>
      <PageHeader title={t.totp.title} />
      <main className="space-y-4 p-4">
        {status.mustEnrol && (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
            {t.totp.mustEnrol}
          </p>
        )}
        <Card title={`${t.totp.title} · ${status.enrolled ? t.totp.on : t.totp.off}`}>
          {status.available ? (
            <>
              <p className="text-stone-700">{status.required ? t.totp.introRequired : t.totp.introOptional}</p>
              {status.enrolBy && !status.mustEnrol && (
                <p className="mt-2 font-medium text-amber-800">{t.totp.enrolBy(day.format(status.enrolBy))}</p>
              )}
              <div className="mt-4">
                <TwoFactorPanel
                  enrolled={status.enrolled}
                  required={status.required}
                  recoveryLeft={status.recoveryLeft}
                />
              </div>
            </>
          ) : (
            <p className="text-stone-700">{t.totp.notForYou}</p>
          )}
        </Card>
        <Link href="/me" className="flex min-h-12 items-center rounded-xl bg-white px-4 shadow-sm">
          ‹ {t.nav.me}
        </Link>
      </main>
    </>
  );
}
