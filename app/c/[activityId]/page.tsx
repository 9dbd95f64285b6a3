import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/session";
import { id } from "@/lib/validation/fields";
import { ScanCheckin } from "./scan-checkin";

export const metadata = { title: t.checkin.title };

/**
 * The address inside the QR code. A browser without the app's session (WeChat, the camera) is sent to sign
 * in by the proxy and comes back here, where the check-in completes.
 */
export default async function ScanPage({ params, searchParams }: { params: Promise<{ activityId: string }>; searchParams: Promise<{ s?: string; k?: string }> }) {
  await pageContext();
  const activityId = id.safeParse((await params).activityId);
  const { s, k } = await searchParams;
  const step = Number(s);
  if (!activityId.success || !Number.isInteger(step) || step < 0 || !/^\d{6}$/.test(k ?? "")) notFound();
  return (
    <>
      <PageHeader title={t.checkin.title} />
      <main className="p-4">
        <ScanCheckin activityId={activityId.data} step={step} code={k!} />
      </main>
    </>
  );
}
