/** The shared foot of every printed page (components/print-footer.tsx). */
export const print = {
  issuer: "印发单位",
  issuedOn: "印发日期",
  place: "地点",
  signature: (role: string) => `${role}（签字）：`,
  date: "日期：",
  secretary: "支部书记",
  recorder: "记录人",
  reviewer: "审核人",
  countyIssuer: (county: string) => `中共${county}委组织部`,
} as const;
