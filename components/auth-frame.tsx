import type { ReactNode } from "react";
import { t } from "@/lib/messages";

/** The signed-out pages: the emblem colour band, the app's name, one card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="min-h-dvh bg-gradient-to-b from-brand from-30% to-stone-100 to-30% px-4 pt-12">
      <div className="mb-8 text-center text-white">
        <p className="text-4xl font-bold tracking-widest">{t.app.name}</p>
        <p className="mt-2 text-base opacity-90">
          {t.app.county} · {t.app.fullName}
        </p>
      </div>
      <section className="mx-auto max-w-sm rounded-2xl bg-white p-6 shadow-md">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </section>
    </main>
  );
}
