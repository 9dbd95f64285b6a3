/**
 * Where an activity stands at a given instant, the one answer every screen shows. The caller passes the
 * server's clock: a phone whose clock is wrong must not make a running activity look upcoming.
 *
 * upcoming — before the start; running — from the start until the planned end; ended — past the planned end
 * but not yet closed by its secretary; closed — closed, whatever the time.
 */
export type ActivityPhase = "upcoming" | "running" | "ended" | "closed";

export interface PhaseInput {
  status: "scheduled" | "closed";
  startsAt: Date;
  durationMinutes: number;
}

export function activityPhase(activity: PhaseInput, now: Date): ActivityPhase {
  if (activity.status === "closed") return "closed";
  const at = now.getTime();
  if (at < activity.startsAt.getTime()) return "upcoming";
  if (at < activity.startsAt.getTime() + activity.durationMinutes * 60_000) return "running";
  return "ended";
}

/** The tag colour of each phase, so that every list paints the same phase the same way. */
export const phaseTone = { upcoming: "amber", running: "green", ended: "red", closed: "stone" } as const;
