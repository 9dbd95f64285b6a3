import { z } from "zod";
import { t } from "../messages";
import { calendarDate, checkbox, choice, id, personName, phone, searchText, text } from "./fields";

const nodeName = text({ max: 40, message: t.validation.nodeName });

export const createNodeInput = z.object({
  parentId: id,
  kind: choice(["committee", "branch", "community", "grid"]),
  name: nodeName,
  retiredCadre: checkbox.default(false),
});

export const renameNodeInput = z.object({ nodeId: id, name: nodeName });

export const grantRoleInput = z.object({
  nodeId: id,
  role: choice(["secretary", "committee_admin", "county_admin", "grid_worker"]),
  phone,
  name: z.preprocess((v) => (v === "" ? undefined : v), personName.optional()),
});

export const revokeRoleInput = z.object({ grantId: id });

export const auditQuery = z.object({
  action: searchText(40),
  outcome: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["ok", "denied", "failed"]).optional()),
  from: z.preprocess((v) => (v === "" ? undefined : v), calendarDate(t.validation.date).optional()),
  to: z.preprocess((v) => (v === "" ? undefined : v), calendarDate(t.validation.date).optional()),
  before: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
});
