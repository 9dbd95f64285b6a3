export const about = {
  title: "关于",
  filing: "备案号",
  notFiled: "未备案",
  operator: "运营单位",
  contact: "联系方式",
  notSet: "未设置",
  version: "版本",
  accessibilityTitle: "无障碍说明",
  accessibility:
    "本应用按照 WCAG 2.2 AA 级标准设计：文字与背景对比清晰，所有功能可用键盘和读屏软件操作，按钮足够大。“我的”页面可开启长辈模式：字号更大、页面更简洁，并可朗读内容。",
  noForcingTitle: "不强制",
  noForcing:
    "本应用不强制打卡签到、不统计在线时长、不要求上传照片或位置。签到也可以不用手机：支部书记可用纸质签到表登记，或为没有手机的党员代签。积分排名默认不显示，只有县委组织部开启后才对书记和管理员显示。",
  privacy: "隐私说明",
  feedback: "投诉建议",
};
