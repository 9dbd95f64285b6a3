import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { checkinParams } from "@/lib/checkin-url";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/session";
import { ScanCheckin } from "./scan-checkin";

export const metadata = { title: t.checkin.title };

/**
 * The address inside the QR code. A browser without the app's session (WeChat, the camera) is sent to sign
 * in by the proxy and comes back here, where the check-in completes.
 */
export default async function ScanPage({ params, searchParams }: { params: Promise<{ activityId: string }>; searchParams: Promise<{ s?: string; k?: string }> }) {
  await pageContext();
  const { s, k } = await searchParams;
  const checkin = checkinParams((await params).activityId, s, k);
  if (!checkin) notFound();
  return (
    <>
      <PageHeader title={t.checkin.title} />
      <main className="p-4">
        <ScanCheckin checkin={checkin} />
      </main>
    </>
  );
}
