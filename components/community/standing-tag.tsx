import type { ReportStanding } from "@/lib/community";
import { t } from "@/lib/messages";
import { Tag } from "../ui/card";

const tones = { none: "stone", pending: "blue", current: "green", due: "amber", expired: "red" } as const;

/** Where a member's community reporting stands, in words (never by colour alone). */
export function StandingTag({ standing }: { standing: ReportStanding }) {
  return <Tag tone={tones[standing]}>{t.community.standing[standing]}</Tag>;
}
