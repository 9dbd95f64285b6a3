import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/auth-frame";
import { t } from "@/lib/messages";
import { getSessionUser } from "@/lib/server/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: t.auth.signIn };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; activated?: string; changed?: string }>;
}) {
  const params = await searchParams;
  if (await getSessionUser()) redirect("/");
  return (
    <AuthFrame title={t.auth.signIn}>
      {(params.activated || params.changed) && (
        <p className="mb-4 rounded-lg bg-green-50 p-3 text-green-900">
          {params.activated ? t.auth.activated : t.auth.passwordChanged}
        </p>
      )}
      <LoginForm next={pathOf(params.callbackUrl)} />
      <nav className="mt-6 flex justify-center gap-4 text-sm" aria-label={t.about.title}>
        <Link href="/feedback" className="min-h-11 py-3 text-brand underline">
          {t.feedback.fromLogin}
        </Link>
        <Link href="/privacy" className="min-h-11 py-3 text-brand underline">
          {t.privacy.title}
        </Link>
        <Link href="/about" className="min-h-11 py-3 text-brand underline">
          {t.about.title}
        </Link>
      </nav>
    </AuthFrame>
  );
}

/** next-auth hands an absolute callbackUrl; only its path is kept. */
function pathOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, "http://x");
    return parsed.pathname + parsed.search;
  } catch {
    return null;
  }
}
