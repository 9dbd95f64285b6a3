export const activityType = {
  theme_day: "主题党日",
  general_meeting: "支部党员大会",
  committee_meeting: "支委会",
  group_meeting: "党小组会",
  party_lecture: "党课",
  org_life_meeting: "组织生活会",
  member_review: "民主评议党员",
} as const;
