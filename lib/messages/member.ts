export const member = {
  fields: {
    name: "姓名",
    phone: "手机号",
    gender: "性别",
    category: "党员类别",
    presence: "流动状态",
    employment: "在职状态",
    joinedOn: "入党日期",
  },
  oneOf: (label: string, words: string[]) => `${label}应为：${words.join("/")}`,
  category: { formal: "正式党员", probationary: "预备党员" },
  presence: { home: "在家", away: "外出流动" },
  employment: { in_office: "在职", retired: "离退休" },
  gender: { male: "男", female: "女" },
  inactive: "已停用",
  notActivated: "未激活",
} as const;
