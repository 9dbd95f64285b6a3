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
  show: "查看",
  summary: (startsAt: string, branches: number, deviations: number) =>
    `统一时间 ${startsAt} · ${branches} 个支部 · ${deviations > 0 ? `${deviations} 个需关注` : "全部正常"}`,
  branches: "各支部落实情况",
  attention: "需关注",
  rateValue: (rate: number, attended: number, expected: number, onLeave: number) =>
    `${Math.round(rate * 100)}%（${attended}/${expected}，请假 ${onLeave}）`,
} as const;
