"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { OrgKind } from "@/db/schema/org";
import type { RoleName } from "@/db/schema/users";
import { auth } from "@/lib/messages/auth";
import { common } from "@/lib/messages/common";
import { org } from "@/lib/messages/org";
import { orgKind } from "@/lib/messages/org-kind";
import { roles as roleNames } from "@/lib/messages/roles";
import { createNodeAction, grantRoleAction, renameNodeAction, revokeRoleAction } from "../../actions";

export function RenameForm({ nodeId, name }: { nodeId: number; name: string }) {
  return (
    <ActionForm action={renameNodeAction} success={() => org.renamed}>
      <input type="hidden" name="nodeId" value={nodeId} />
      <Field label={org.name} name="name" defaultValue={name} />
      <SubmitButton variant="secondary">{org.rename}</SubmitButton>
    </ActionForm>
  );
}

export function CreateChildForm({ parentId, kinds }: { parentId: number; kinds: OrgKind[] }) {
  const options = Object.fromEntries(kinds.map((k) => [k, orgKind[k]]));
  return (
    <ActionForm action={createNodeAction} success={() => org.created} resetOnSuccess>
      <input type="hidden" name="parentId" value={parentId} />
      <Select label={org.kind} name="kind" options={options} />
      <Field label={org.name} name="name" />
      {kinds.includes("branch") && <Checkbox label={org.retiredCadre} name="retiredCadre" />}
      <SubmitButton>{org.create}</SubmitButton>
    </ActionForm>
  );
}

export function GrantForm({ nodeId, roles }: { nodeId: number; roles: RoleName[] }) {
  const options = Object.fromEntries(roles.map((r) => [r, roleNames[r]]));
  return (
    <ActionForm action={grantRoleAction} success={() => org.granted} resetOnSuccess>
      <input type="hidden" name="nodeId" value={nodeId} />
      <Select label={org.role} name="role" options={options} />
      <Field label={auth.phone} name="phone" type="tel" inputMode="numeric" />
      <Field label={common.name} name="name" hint={org.nameHint} />
      <SubmitButton>{org.grant}</SubmitButton>
    </ActionForm>
  );
}

export function RevokeButton({ grantId, label }: { grantId: number; label: string }) {
  return (
    <ActionForm action={revokeRoleAction} className="">
      <input type="hidden" name="grantId" value={grantId} />
      <SubmitButton variant="danger" className="min-h-11 px-3" aria-label={`${org.revoke} ${label}`}>
        {org.revoke}
      </SubmitButton>
    </ActionForm>
  );
}
