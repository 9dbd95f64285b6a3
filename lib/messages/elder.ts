export const elder = {
  /** The switch on 我的 (components/ui/switch-form.tsx). */
  switch: {
    title: "长辈模式",
    hint: "字更大、按钮更大、首页只留最常用的三件事；签到码在整个签到时间内都有效。",
    on: "已开启",
    off: "未开启",
    turnOn: "开启长辈模式",
    turnOff: "关闭长辈模式",
    turnedOn: "长辈模式已开启。",
    turnedOff: "长辈模式已关闭。",
  },
  checkin: "签到",
  askLeave: "请假",
  myPoints: "我的积分",
  readAloud: "朗读",
  stopReading: "停止朗读",
  readAloudLabel: (what: string) => `朗读：${what}`,
  noSpeech: "这部手机的浏览器不支持朗读。",
  codeWholeWindow: "签到码在签到时间内都有效，请慢慢输入。",
  opensLater: "签到于活动开始前 30 分钟开放，到时在这里输入签到码。",
  openActivity: "查看活动",
} as const;
