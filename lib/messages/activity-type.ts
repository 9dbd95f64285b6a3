export const activityType = {
  theme_day: "主题党日",
  general_meeting: "支部党员大会",
  committee_meeting: "支委会",
  group_meeting: "党小组会",
  party_lecture: "党课",
} as const;
