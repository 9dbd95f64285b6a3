export const printNotice = {
  link: "打印活动通知",
  heading: (type: string, month: string) => `关于开展${month}${type}的通知`,
  to: (branch: string) => `${branch}全体党员：`,
  intro: (type: string) =>
    `根据县委组织部统一部署，现将本月${type}安排通知如下，请按时参加。确有特殊情况不能参加的，请在活动开始前向支部书记请假，会后完成补学。`,
  when: "时间",
  month: (n: number) => `${n}月`,
  whenValue: (at: string, minutes: number) => `${at}（${minutes} 分钟）`,
  where: "地点",
  agenda: "活动内容",
  mandatory: "（必选）",
  materials: "学习材料",
  links: "学习链接",
  signature: (branch: string) => branch,
  print: "打印通知",
  hint: "用 A4 纸打印后张贴或发放；离退休干部党支部可据此通知到每位党员。",
} as const;
