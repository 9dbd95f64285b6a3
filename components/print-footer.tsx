import { t } from "@/lib/messages";

const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: "Asia/Shanghai" });

/**
 * The foot of every printed page: the place where it matters, a signature line per signer, then the issuing
 * body and the issuing date. Pages that are themselves the paper (the notice, the sign-in sheet) show it on
 * screen too; report pages show it only on paper (`printOnly`).
 */
export function PrintFooter({
  issuer,
  signers,
  place,
  issuedAt = new Date(),
  printOnly = false,
}: {
  issuer: string;
  signers: readonly string[];
  place?: string;
  issuedAt?: Date;
  printOnly?: boolean;
}) {
  return (
    <section
      className={`print-footer mt-6 space-y-4 break-inside-avoid ${printOnly ? "hidden print:block" : ""}`}
      aria-label={t.print.issuer}
    >
      {place && <p>{`${t.print.place}：${place}`}</p>}
      {signers.map((role) => (
        <p key={role} className="flex flex-wrap justify-between gap-x-4 gap-y-2">
          <span>{`${t.print.signature(role)}＿＿＿＿＿＿`}</span>
          <span>{`${t.print.date}＿＿＿＿＿＿`}</span>
        </p>
      ))}
      <div className="pt-2 text-right">
        <p>{issuer}</p>
        <p>{day.format(issuedAt)}</p>
      </div>
    </section>
  );
}
