import type { Metadata } from "next";
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
