export const member = {
  category: { formal: "正式党员", probationary: "预备党员" },
  presence: { home: "在家", away: "外出流动" },
  employment: { in_office: "在职", retired: "离退休" },
  gender: { male: "男", female: "女" },
  inactive: "已停用",
  notActivated: "未激活",
} as const;
