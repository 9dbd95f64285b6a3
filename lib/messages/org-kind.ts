export const orgKind = {
  county: "县",
  committee: "党委（党组）",
  branch: "党支部",
  community: "社区",
  grid: "网格",
} as const;
