import type { RoleName } from "./enums";

/** A role granted on one org node; it reaches that node's subtree. */
export interface Grant {
  role: RoleName;
  nodeId: number;
  path: string;
}

/** Who is asking, and where they reach. Every query takes one (docs/architecture.md#scope). */
export interface Scope {
  userId: number;
  grants: Grant[];
  /** The caller's own Party-member record, if they are a member. */
  member: { branchId: number; branchPath: string } | null;
  /** An admin past the grace period without a second factor: admin grants withheld until enrolled (lib/totp.ts). */
  mustEnrol?: boolean;
}
