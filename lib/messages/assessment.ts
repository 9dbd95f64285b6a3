export const assessment = {
  title: "年度考核",
  year: (y: number) => `${y}年度`,
  titleOf: (y: number) => `${y}年度考核`,
  formula:
    "得分 = 出勤率×40 + 主题党日按期完成率×20 + 补学完成率×15 + 人均积分/60×15 + 在职党员人均服务时长/20×10（各项最高 100%；无可计项记 0 分并注明原因；开展了活动而无人请假的，补学项为完成）",
  unmeasured: {
    no_activity: "全年没有已结束的活动",
    no_theme_day: "全年没有到期的主题党日",
    no_members: "没有在册党员",
    no_in_office: "没有在职党员",
  } as Record<string, string>,
  notMet: (part: string, why: string) => `${part}未达标：${why}`,
  parts: { attendance: "出勤", compliance: "按期开展", makeup: "补学", points: "积分", service: "服务" } as Record<
    string,
    string
  >,
  score: "得分",
  proposal: "建议",
  tier: "评定等次",
  tiers: { excellent: "优胜", qualified: "合格", unqualified: "不合格" } as Record<string, string>,
  note: "评定说明（可不填）",
  noteTooLong: "说明不能超过 500 个字",
  set: "评定",
  setDone: (tier: string) => `已评定：${tier}`,
  decided: (tier: string) => `已评定：${tier}`,
  committees: "党委（党组）",
  branches: "党支部",
  exportXlsx: "导出 Excel",
  yearError: "请选择年度",
  notAssessable: "只能评定支部或党委（党组）。",
  sheet: {
    name: "年度考核",
    columns: ["单位", "出勤", "按期开展", "补学", "积分", "服务", "得分", "建议", "评定等次", "评定说明", "未达标原因"],
  },
} as const;
