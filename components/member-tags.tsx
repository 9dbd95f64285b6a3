import type { MemberCategory, MemberEmployment, MemberPresence } from "@/db/schema/users";
import { t } from "@/lib/messages";
import { Tag } from "./ui/card";

/** The status of a member as small labels; "away" and "probationary" stand out because they change duties. */
export function MemberTags({
  m,
}: {
  m: {
    category: MemberCategory;
    presence: MemberPresence;
    employment: MemberEmployment;
    active?: boolean;
    activated?: boolean;
  };
}) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Tag tone={m.category === "probationary" ? "amber" : "stone"}>{t.member.category[m.category]}</Tag>
      <Tag tone={m.presence === "away" ? "blue" : "stone"}>{t.member.presence[m.presence]}</Tag>
      <Tag>{t.member.employment[m.employment]}</Tag>
      {m.active === false && <Tag tone="red">{t.member.inactive}</Tag>}
      {m.activated === false && <Tag tone="amber">{t.member.notActivated}</Tag>}
    </span>
  );
}
