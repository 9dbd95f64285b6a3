"use client";

import { revealPhoneAction } from "@/app/(admin)/admin/account-actions";
import { security } from "@/lib/messages/security";
import { Reveal } from "./reveal";

/** A masked number, and for those allowed a button that fetches the whole one (audited on the server). */
export function RevealPhone({ userId, masked, canReveal }: { userId: number; masked: string; canReveal: boolean }) {
  return (
    <Reveal
      action={revealPhoneAction}
      field={["userId", userId]}
      masked={masked}
      label={security.showPhone}
      canReveal={canReveal}
      show={(data) => data.phone}
    />
  );
}
