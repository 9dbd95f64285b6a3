export const nav = {
  home: "首页",
  activities: "活动",
  points: "积分",
  me: "我的",
  branch: "支部",
  committee: "党委",
  grid: "网格",
  admin: "管理",
  roster: "花名册",
  branchDesk: "支部工作台",
} as const;
