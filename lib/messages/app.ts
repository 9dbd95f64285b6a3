export const app = { name: "支部", fullName: "支部主题党日", county: "示范县" } as const;
