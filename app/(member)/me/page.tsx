import Link from "next/link";
import { TransferItem } from "@/components/membership/transfer-item";
import { PushOptIn } from "@/components/pwa/push-opt-in";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { myTransfers } from "@/db/queries/transfers";
import { t } from "@/lib/messages";
import { grantsOf, rolesHeld } from "@/lib/scope-paths";
import { isElderMode } from "@/lib/server/elder-mode";
import { vapidKeys } from "@/lib/server/push";
import { pageContext } from "@/lib/server/session";
import { mayUseTotp } from "@/lib/totp";
import { ChangePasswordForm, SignOutButton } from "./account-forms";
import { ElderModeForm } from "./elder-mode-form";

export const metadata = { title: t.nav.me };

export default async function MePage() {
  const { db, scope, user } = await pageContext();
  const [elder, { publicKey }, transfers] = await Promise.all([
    isElderMode(),
    vapidKeys(db),
    scope.member ? myTransfers(db, scope) : Promise.resolve([]),
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
              href="/community"
              className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
            >
              {t.community.mine} <span aria-hidden>›</span>
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
        <Card title={t.elder.title}>
          <ElderModeForm on={elder} />
        </Card>
        {(mayUseTotp(grantsOf(scope)) || scope.mustEnrol) && (
          <Link
            href="/me/two-factor"
            className="flex min-h-12 items-center justify-between rounded-xl bg-white px-4 shadow-sm"
          >
            {t.totp.title} <span aria-hidden>›</span>
          </Link>
        )}
        <Card title={t.push.title}>
          <PushOptIn publicKey={publicKey} />
        </Card>
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
        <SignOutButton />
      </main>
    </>
  );
}
