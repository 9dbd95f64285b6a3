import { EndSessionsButton } from "@/components/end-sessions-button";
import { MemberForm } from "@/components/member-form";
import { MemberTags } from "@/components/member-tags";
import { RevealPhone } from "@/components/reveal-phone";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { mayResetAccount } from "@/db/queries/accounts";
import { getMember } from "@/db/queries/roster";
import { t } from "@/lib/messages";
import { canManageRoster, canSeePhone } from "@/lib/permissions";
import { pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { updateMemberAction } from "../../actions";
import { IssueCodeForm, SetActiveForm } from "./member-actions";

export default async function MemberPage({ params }: { params: Promise<{ userId: string }> }) {
  const { db, scope } = await pageContext();
  const userId = await pageId(params, "userId");
  const m = await pageData(getMember(db, scope, userId));
  const manage = canManageRoster(scope, m.branchPath) && m.userId !== scope.userId;
  const takeCharge = manage && (await mayResetAccount(db, scope, m.userId));

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
            {takeCharge && <SetActiveForm userId={m.userId} active={m.active} />}
            {takeCharge && m.active && m.activated && <EndSessionsButton userId={m.userId} label={m.name} />}
          </>
        )}
      </main>
    </>
  );
}
