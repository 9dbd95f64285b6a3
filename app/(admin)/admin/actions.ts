"use server";

import { createNode, grantRole, renameNode, revokeRole } from "@/db/queries/org";
import { action } from "@/lib/server/action";
import { createNodeInput, grantRoleInput, renameNodeInput, revokeRoleInput } from "@/lib/validation/org";

export const createNodeAction = action("org.create", createNodeInput, (input, { db, scope }) =>
  createNode(db, scope, input),
);
export const renameNodeAction = action("org.rename", renameNodeInput, (input, { db, scope }) =>
  renameNode(db, scope, input),
);
export const grantRoleAction = action("role.grant", grantRoleInput, (input, { db, scope }) =>
  grantRole(db, scope, input),
);
export const revokeRoleAction = action("role.revoke", revokeRoleInput, (input, { db, scope }) =>
  revokeRole(db, scope, input),
);
