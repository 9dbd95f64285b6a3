import { AcknowledgeForm } from "@/components/privacy/acknowledge-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { acknowledgedAt, acknowledgedVersion } from "@/db/queries/privacy";
import { t } from "@/lib/messages";
import { PRIVACY_EFFECTIVE, PRIVACY_VERSION, retention, safeNext } from "@/lib/privacy";
import { openPageContext } from "@/lib/server/session";
import { formatWhen } from "@/lib/time";

export const metadata = { title: t.privacy.title };

const sections = ["collected", "why", "who"] as const;

/**
 * The privacy notice, open to everyone. A signed-in person who has not acknowledged this version is sent here
 * from any page (proxy.ts) and goes back there once they have.
 */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { db, scope } = await openPageContext();
  const next = safeNext((await searchParams).next);
  const at = scope ? await acknowledgedAt(db, scope) : null;
  const earlier = scope && !at ? await acknowledgedVersion(db, scope.userId) : 0;
  return (
    <>
      <PageHeader title={t.privacy.title} back={scope && at ? "/me" : scope ? undefined : "/login"} />
      <main className="space-y-4 p-4">
        {scope && !at && (
          <p className="rounded-lg bg-amber-50 p-3 text-amber-900" role="status">
            {earlier > 0 ? t.privacy.changed : t.privacy.firstTime}
          </p>
        )}
        <p className="text-sm text-stone-600">{t.privacy.version(PRIVACY_VERSION, PRIVACY_EFFECTIVE)}</p>
        {sections.map((key) => (
          <Card key={key} title={t.privacy.sections[key].title}>
            <p className="text-stone-800">{t.privacy.sections[key].body}</p>
          </Card>
        ))}
        <Card title={t.privacy.sections.kept.title}>
          <ul className="list-disc space-y-1 pl-5 text-stone-800">
            {retention.map((r) => (
              <li key={r.kind}>{t.privacy.retention[r.kind]}</li>
            ))}
          </ul>
        </Card>
        <Card title={t.privacy.sections.rights.title}>
          <p className="text-stone-800">{t.privacy.sections.rights.body}</p>
        </Card>
        {scope &&
          (at ? (
            <p className="text-sm text-stone-600">{t.privacy.acknowledged(formatWhen(at))}</p>
          ) : (
            <AcknowledgeForm version={PRIVACY_VERSION} next={next} />
          ))}
      </main>
    </>
  );
}
