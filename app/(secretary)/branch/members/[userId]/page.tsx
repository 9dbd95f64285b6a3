import { EndSessionsButton } from "@/components/end-sessions-button";
import { MemberForm } from "@/components/member-form";
import { MemberTags } from "@/components/member-tags";
import { EndAwayForm, MemberEventForm, StartAwayForm } from "@/components/membership/status-forms";
import { StartTransferForm, WithdrawTransferForm } from "@/components/membership/transfer-forms";
import { TransferItem } from "@/components/membership/transfer-item";
import { RevealPhone } from "@/components/reveal-phone";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { mayResetAccount } from "@/db/queries/accounts";
import { openAwayOf } from "@/db/queries/away";
import { memberEventsOf } from "@/db/queries/member-events";
import { getMember } from "@/db/queries/roster";
import { pendingTransferOf, transferTargets } from "@/db/queries/transfers";
import { t } from "@/lib/messages";
import { canManageRoster, canSeePhone } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { updateMemberAction } from "../../actions";
import { IssueCodeForm, SetActiveForm } from "./member-actions";

export default async function MemberPage({ params }: PageArgs<"userId">) {
  const { db, scope } = await pageContext();
  const userId = await pageId(params, "userId");
  const m = await pageData(getMember(db, scope, userId));
  const manage = canManageRoster(scope, m.branchPath) && m.userId !== scope.userId;
  const takeCharge = manage && (await mayResetAccount(db, scope, m.userId));
  const [pending, targets, events, away] = await pageData(
    Promise.all([
      pendingTransferOf(db, scope, m.userId),
      manage && m.active ? transferTargets(db, scope, m.branchId) : Promise.resolve([]),
      memberEventsOf(db, scope, m.userId),
      openAwayOf(db, scope, m.userId),
    ]),
  );

  return (
    <>
      <PageHeader title={m.name} back={`/branch/${m.branchId}`} />
      <main className="space-y-4 p-4">
        <Card>
          <p className="text-stone-700">{m.branchName}</p>
          <p className="mt-1">
            <RevealPhone
              userId={m.userId}
              masked={m.phone}
              canReveal={m.userId !== scope.userId && canSeePhone(scope, m)}
            />
          </p>
          <div className="mt-2">
            <MemberTags m={m} />
          </div>
        </Card>
        <Card title={t.membership.events}>
          {events.length === 0 ? (
            <p className="text-sm text-stone-600">{t.membership.noEvents}</p>
          ) : (
            <ul className="space-y-1 text-sm" aria-label={t.membership.events}>
              {events.map((e) => (
                <li key={e.id}>
                  {e.effectiveOn} {t.membership.eventKind[e.kind]} · {e.reference}
                  {e.counterpart ? ` · ${e.counterpart}` : ""}
                </li>
              ))}
            </ul>
          )}
          {!m.active && <p className="mt-2 text-sm text-stone-600">{t.membership.closedRecord}</p>}
          {manage && m.active && (
            <div className="mt-3">
              <MemberEventForm memberId={m.userId} probationary={m.category === "probationary"} />
            </div>
          )}
        </Card>
        {(away || (manage && m.active)) && (
          <Card title={t.membership.away}>
            {away ? (
              <>
                <p className="text-sm">{t.membership.awayUntil(away.place, away.until)}</p>
                {away.hostOrg && <p className="text-sm text-stone-600">{away.hostOrg}</p>}
                {away.contact && <p className="text-sm text-stone-600">{away.contact}</p>}
                {manage && (
                  <div className="mt-3">
                    <EndAwayForm memberId={m.userId} />
                  </div>
                )}
              </>
            ) : (
              <StartAwayForm memberId={m.userId} />
            )}
          </Card>
        )}
        {manage && (
          <>
            {m.active && (
              <Card title={t.auth.activate}>
                <p className="mb-3 text-sm text-stone-600">
                  {!takeCharge
                    ? t.security.accountAboveYou
                    : m.activated
                      ? t.roster.activatedHint
                      : t.roster.notActivatedHint}
                </p>
                {takeCharge && <IssueCodeForm userId={m.userId} />}
              </Card>
            )}
            <Card title={t.roster.edit}>
              <MemberForm
                action={updateMemberAction}
                hidden={{ userId: m.userId }}
                defaults={m}
                submitLabel={t.roster.save}
              />
            </Card>
            {m.active && (
              <Card title={t.membership.transferOut}>
                {pending ? (
                  <ul className="-mx-4">
                    <TransferItem row={pending}>
                      <WithdrawTransferForm transferId={pending.id} />
                    </TransferItem>
                  </ul>
                ) : (
                  <StartTransferForm memberId={m.userId} targets={targets} />
                )}
              </Card>
            )}
            {takeCharge && <SetActiveForm userId={m.userId} active={m.active} />}
            {takeCharge && m.active && m.activated && <EndSessionsButton userId={m.userId} label={m.name} />}
          </>
        )}
      </main>
    </>
  );
}
