import type { Today } from "@/lib/server/today";

/** The member's answer of GET /api/v1/today as JSON carries it: its dates are strings. */
type Member = Extract<Today, { state: "member" }>;
type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;
export type TodayData = Jsonified<Member>;
export type TodayAnswer = Jsonified<Today>;

/** The answer with its dates as dates again, for the components the home renders on the server too. */
export function revive(data: TodayData) {
  const next = data.next && {
    ...data.next,
    startsAt: new Date(data.next.startsAt),
    opensAt: new Date(data.next.opensAt),
    closesAt: new Date(data.next.closesAt),
  };
  const checkin = data.checkin && { ...data.checkin, at: new Date(data.checkin.at) };
  return { ...data, now: new Date(data.now), next, checkin };
}
