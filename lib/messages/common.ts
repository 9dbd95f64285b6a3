export const common = {
  submit: "提交",
  cancel: "取消",
  back: "返回",
  saving: "正在保存…",
  loading: "加载中…",
  name: "姓名",
  yes: "是",
  no: "否",
  all: "全部",
  errorTitle: "出错了",
  retry: "重试",
} as const;
