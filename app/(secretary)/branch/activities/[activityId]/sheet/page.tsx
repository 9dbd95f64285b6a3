import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print-button";
import { PrintFooter } from "@/components/print-footer";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { activityForSecretary } from "@/db/queries/activity-run";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import { type PageArgs, pageData, pageId } from "@/lib/server/page-data";
import { pageContext } from "@/lib/server/session";
import { formatFull } from "@/lib/time";

export const metadata = { title: t.assist.sheet };

/**
 * The paper sign-in sheet for branches that keep paper: one A4 page per ~25 members with t.assist
 * signature column, printed from the browser (the `print-sheet` rules in globals.css drop the app around it).
 */
export default async function SignInSheetPage({ params }: PageArgs<"activityId">) {
  const { db, scope } = await pageContext();
  const activityId = await pageId(params, "activityId");
  const { activity, roster } = await pageData(activityForSecretary(db, scope, activityId));
  if (!canManageActivity(scope, activity.branchPath)) notFound();
  const expected = roster.filter((r) => r.expected);

  return (
    <>
      <div className="print:hidden">
        <PageHeader title={t.assist.sheet} back={`/branch/activities/${activity.id}`} />
      </div>
      <main className="space-y-4 p-4 print:p-0">
        <div className="space-y-3 print:hidden">
          <p className="text-stone-700">{t.assist.printHint}</p>
          <PrintButton>{t.assist.print}</PrintButton>
          {activity.status === "scheduled" && (
            <ButtonLink href={`/branch/activities/${activity.id}/paper`} variant="secondary" className="w-full">
              {t.assist.enter}
            </ButtonLink>
          )}
        </div>
        <article
          className="print-sheet rounded-xl bg-white p-4 print:rounded-none print:p-0"
          aria-label={t.assist.sheetTitle(activity.branchName)}
        >
          <h2 className="text-center text-xl font-bold">{t.assist.sheetTitle(activity.branchName)}</h2>
          <p className="mt-2 text-center font-medium">
            {t.activityType[activity.type]}：{activity.title}
          </p>
          <p className="mt-1 text-center text-stone-700">
            {formatFull(activity.startsAt)}
            {activity.place && ` · ${activity.place}`} · {t.assist.expectedCount(expected.length)}
          </p>
          <table className="mt-4 w-full border-collapse text-left">
            <thead>
              <tr>
                <th scope="col" className="w-14 border border-stone-800 px-2 py-1 text-center">
                  {t.assist.number}
                </th>
                <th scope="col" className="w-28 border border-stone-800 px-2 py-1">
                  {t.assist.name}
                </th>
                <th scope="col" className="border border-stone-800 px-2 py-1">
                  {t.assist.signature}
                </th>
                <th scope="col" className="w-32 border border-stone-800 px-2 py-1">
                  {t.assist.note}
                </th>
              </tr>
            </thead>
            <tbody>
              {expected.map((r, i) => (
                <tr key={r.memberId} className="h-11">
                  <td className="border border-stone-800 px-2 text-center">{i + 1}</td>
                  <td className="border border-stone-800 px-2">{r.name}</td>
                  <td className="border border-stone-800 px-2" />
                  {/* A member on leave is not expected to sign: the sheet says so, as the roll call would. */}
                  <td className="border border-stone-800 px-2">{r.outcome === "leave" ? t.assist.onLeave : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <PrintFooter
            issuer={activity.branchName}
            signers={[t.print.secretary, t.print.recorder]}
            place={activity.place || undefined}
          />
        </article>
      </main>
    </>
  );
}
