import { type ActivityPhase, phaseTone } from "@/lib/activity-phase";
import { run } from "@/lib/messages/run";
import { Tag } from "./ui/card";

/** An activity's phase as decided on the server (lib/activity-phase.ts), the same tag on every screen. */
export function PhaseTag({ phase }: { phase: ActivityPhase }) {
  return <Tag tone={phaseTone[phase]}>{run.phase[phase]}</Tag>;
}
