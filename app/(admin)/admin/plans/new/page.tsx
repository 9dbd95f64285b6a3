import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { t } from "@/lib/messages";
import { isCountyAdmin } from "@/lib/permissions";
import { pageContext } from "@/lib/server/session";
import { PlanForm } from "../plan-form";

export const metadata = { title: t.plans.publish };

export default async function NewPlanPage() {
  const { scope } = await pageContext();
  if (!isCountyAdmin(scope)) notFound();
  return (
    <>
      <PageHeader title={t.plans.publish} back="/admin/plans" />
      <main className="p-4">
        <div className="rounded-xl bg-white p-4">
          <PlanForm />
        </div>
      </main>
    </>
  );
}
