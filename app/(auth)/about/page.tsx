import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/env";
import { t } from "@/lib/messages";
import { getSessionUser } from "@/lib/server/session";
import packageJson from "@/package.json";

export const metadata = { title: t.about.title };

/** 关于: the filing, who runs the app, accessibility, what is never forced, and the version; open to everyone. */
export default async function AboutPage() {
  const user = await getSessionUser();
  const rows = [
    { label: t.about.filing, value: env.FILING_NUMBER ?? t.about.notFiled },
    { label: t.about.operator, value: env.OPERATOR_NAME ?? t.about.notSet },
    { label: t.about.contact, value: env.OPERATOR_CONTACT ?? t.about.notSet },
    { label: t.about.version, value: packageJson.version },
  ];
  return (
    <>
      <PageHeader title={t.about.title} back={user ? "/me" : "/login"} />
      <main className="space-y-4 p-4">
        <Card title={t.app.fullName}>
          <dl className="space-y-2">
            {rows.map((row) => (
              <div key={row.label} className="flex justify-between gap-4">
                <dt className="text-stone-600">{row.label}</dt>
                <dd className="text-right font-medium text-stone-900">{row.value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t.about.accessibilityTitle}>
          <p className="text-stone-800">{t.about.accessibility}</p>
        </Card>
        <Card title={t.about.noForcingTitle}>
          <p className="text-stone-800">{t.about.noForcing}</p>
        </Card>
        <nav className="flex gap-4" aria-label={t.about.title}>
          <Link href="/privacy" className="min-h-11 py-3 text-brand underline">
            {t.about.privacy}
          </Link>
          <Link href="/feedback" className="min-h-11 py-3 text-brand underline">
            {t.about.feedback}
          </Link>
        </nav>
      </main>
    </>
  );
}
