export const app = {
  name: "支部",
  fullName: "支部主题党日",
  county: "示范县",
  notFound: "页面不存在",
  mainNav: "主导航",
  previousPeriod: "上一期",
  nextPeriod: "下一期",
  print: "打印",
} as const;
