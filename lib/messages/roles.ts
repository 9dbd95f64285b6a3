export const roles = {
  member: "党员",
  secretary: "支部书记",
  committee_admin: "党委管理员",
  county_admin: "县委组织部",
  grid_worker: "网格员",
} as const;
