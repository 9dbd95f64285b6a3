import Link from "next/link";
import { TransferItem } from "@/components/membership/transfer-item";
import { CorrectionForm } from "@/components/privacy/correction-forms";
import { RecordCard } from "@/components/privacy/record-card";
import { PushOptIn } from "@/components/pwa/push-opt-in";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SwitchForm } from "@/components/ui/switch-form";
import { myDues } from "@/db/queries/dues-views";
import { getPreferences } from "@/db/queries/preferences";
import { myCorrections } from "@/db/queries/privacy";
import { myRecord } from "@/db/queries/record-confirmation";
import { myTransfers } from "@/db/queries/transfers";
import { yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { grantsOf, rolesHeld } from "@/lib/scope-paths";
import { publicVapidKey } from "@/lib/server/push";
import { pageContext } from "@/lib/server/session";
import { smsOn } from "@/lib/server/sms";
import { mayUseTotp } from "@/lib/totp";
import { ChangePasswordForm, SignOutButton } from "./account-forms";
import { setElderModeAction, setSmsAction } from "./actions";

export const metadata = { title: t.nav.me };

export default async function MePage() {
  const { db, scope, user } = await pageContext();
  const [preferences, publicKey, corrections, dues, transfers, record] = await Promise.all([
    getPreferences(db, scope),
    publicVapidKey(db),
    myCorrections(db, scope),
    scope.member ? myDues(db, scope) : null,
    scope.member ? myTransfers(db, scope) : Promise.resolve([]),
    scope.member ? myRecord(db, scope) : null,
  ]);
  const now = new Date();
  const roles = [...(scope.member ? [t.roles.member] : []), ...[...rolesHeld(scope)].map((role) => t.roles[role])];
  return (
    <>
      <PageHeader title={t.nav.me} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="text-xl font-semibold">{user.name}</p>
          <p className="mt-1 text-stone-700">{roles.join(" · ")}</p>
        </Card>
        {scope.member && (
          <>
            <Link
              href="/leave"
              className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
            >
              {t.leave.mine} <span aria-hidden>›</span>
            </Link>
            <Link
              href="/me/dues"
              className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
            >
              <span>
                {t.dues.mine}
                {dues && dues.standing.arrearsFen > 0 && (
                  <span className="ml-2 text-sm font-medium text-red-800">
                    {t.dues.owedSummary(dues.standing.monthsOwed.length, yuan(dues.standing.arrearsFen))}
                  </span>
                )}
              </span>
              <span aria-hidden>›</span>
            </Link>
            <Link
              href="/community"
              className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
            >
              {t.community.mine} <span aria-hidden>›</span>
            </Link>
            <Link
              href="/me/report"
              className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
            >
              {t.yearReport.link} <span aria-hidden>›</span>
            </Link>
          </>
        )}
        {transfers.length > 0 && (
          <Card title={t.membership.history}>
            <ul className="-mx-4 divide-y divide-stone-100" aria-label={t.membership.history}>
              {transfers.map((row) => (
                <TransferItem key={row.id} row={{ ...row, overdue: row.status === "pending" && row.dueAt < now }} />
              ))}
            </ul>
          </Card>
        )}
        <Card title={t.elder.switch.title}>
          <SwitchForm
            action={setElderModeAction}
            on={preferences.elderMode}
            labels={t.elder.switch}
            stateId="elder-state"
          />
        </Card>
        {scope.member && (
          <Card title={t.reach.mine.title}>
            <SwitchForm action={setSmsAction} on={preferences.smsOn} labels={t.reach.mine} stateId="sms-state" />
            {!smsOn() && <p className="mt-2 text-sm text-stone-600">{t.reach.mine.noChannel}</p>}
          </Card>
        )}
        {(mayUseTotp(grantsOf(scope)) || scope.mustEnrol) && (
          <Link
            href="/me/two-factor"
            className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
          >
            {t.totp.title} <span aria-hidden>›</span>
          </Link>
        )}
        {publicKey && (
          <Card title={t.push.title}>
            <PushOptIn publicKey={publicKey} />
          </Card>
        )}
        <Card title={t.auth.changePassword}>
          <ChangePasswordForm />
        </Card>
        <a
          href="/api/v1/me/export"
          download
          className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
        >
          {t.security.exportMine} <span aria-hidden>↓</span>
        </a>
        {record && <RecordCard record={record} />}
        {scope.member && (
          <Card title={t.privacy.correction.title}>
            <CorrectionForm />
            {corrections.length > 0 && (
              <ul className="mt-4 space-y-2" aria-label={t.privacy.correction.mine}>
                {corrections.map((c) => (
                  <li key={c.id} className="rounded-lg bg-stone-50 p-2 text-sm">
                    <p className="font-medium">{t.privacy.correction.status[c.status]}</p>
                    <p className="whitespace-pre-wrap">{c.body}</p>
                    {c.note && <p className="text-stone-700">{c.note}</p>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
        {[
          { href: "/feedback", label: t.feedback.title },
          { href: "/privacy", label: t.privacy.title },
          { href: "/about", label: t.about.title },
        ].map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
          >
            {link.label} <span aria-hidden>›</span>
          </Link>
        ))}
        <SignOutButton />
      </main>
    </>
  );
}
