import type { Metadata } from "next";
import Link from "next/link";
import { AuthFrame } from "@/components/auth-frame";
import { t } from "@/lib/messages";
import { ActivateForm } from "./activate-form";

export const metadata: Metadata = { title: t.auth.activate };

export default function ActivatePage() {
  return (
    <AuthFrame title={t.auth.activate}>
      <ActivateForm />
      <p className="mt-4 text-center">
        <Link href="/login" className="inline-block min-h-11 py-2 text-brand underline underline-offset-4">
          {t.auth.signIn}
        </Link>
      </p>
    </AuthFrame>
  );
}
