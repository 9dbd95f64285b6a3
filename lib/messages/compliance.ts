export const compliance = {
  title: "主题党日落实情况",
  month: "月份",
  noPlan: "该月尚未发布主题党日计划。",
  onTime: "统一时间",
  moved: "经批准调整",
  offTime: "时间不符",
  rate: "出勤率",
  steps: "必选议程",
  complete: "已完成",
  incomplete: (n: number) => `${n} 项未完成`,
  missing: "未生成活动",
} as const;
