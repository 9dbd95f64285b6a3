import { ButtonLink } from "@/components/ui/button";
import { t } from "@/lib/messages";

export default function NotFound() {
  return (
    <main className="space-y-4 p-8 text-center">
      <h1 className="text-xl font-semibold">{t.app.notFound}</h1>
      <p className="text-stone-700">{t.errors.not_found}</p>
      <ButtonLink href="/">{t.nav.home}</ButtonLink>
    </main>
  );
}
