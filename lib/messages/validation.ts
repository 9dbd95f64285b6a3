export const validation = {
  required: "必填",
  name: "请输入姓名（1–30 个字）",
  phone: "请输入 11 位手机号码",
  password: "密码至少 8 个字符",
  passwordTooLong: "密码不能超过 128 个字符",
  passwordMismatch: "两次输入的密码不一致",
  code: "请输入激活码",
  date: "日期格式应为 2020-07-01",
  choice: "请选择一项",
  nodeName: "请输入名称（1–40 个字）",
  id: "编号无效",
} as const;
