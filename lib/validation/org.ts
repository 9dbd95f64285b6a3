import { z } from "zod";
import { t } from "../messages";
import { checkbox, choice, id, personName, phone } from "./fields";

const nodeName = z.string({ error: t.validation.nodeName }).trim().min(1, t.validation.nodeName).max(40, t.validation.nodeName);

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
  action: z.string().trim().max(40).optional(),
  outcome: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["ok", "denied", "failed"]).optional()),
  from: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
  to: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
  before: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
});
