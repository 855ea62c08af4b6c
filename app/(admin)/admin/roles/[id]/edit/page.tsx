import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleFields } from "@/components/access/role-fields";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { PageTitle } from "@/components/ui/page-title";
import { linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { LOCKED_ROLE_KEY, roleWithPermissions } from "@/lib/domain/access/role-admin";
import { viewRightGroups } from "@/lib/domain/access/view-rights";
import { parseId } from "@/lib/domain/shared/ids";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteRoleAction, updateRoleAction } from "../../actions";

/** Changing a role (name, description, permissions, view rights) and deleting it: apart from its holders' page, which stays light. */
export default async function EditRolePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("system.admin");
  const id = parseId((await params).id);
  const db = getDb();
  const [t, role, groups] = await Promise.all([getT(), roleWithPermissions(db, id), viewRightGroups(db)]);
  if (!role) notFound();
  const locked = role.key === LOCKED_ROLE_KEY;
  return (
    <div className="space-y-6">
      <Link href={`/admin/roles/${role.id}`} className={linkClass}>
        {t("roles.backToRole", { name: role.name })}
      </Link>
      <PageTitle kicker={<span className="font-mono text-sm text-slate-500">{role.key}</span>}>{`${t("roles.editRole")}: ${role.name}`}</PageTitle>
      <ActionForm action={updateRoleAction.bind(null, role.id)} className="space-y-3" label={`${t("roles.edit")}: ${role.name}`}>
        <RoleFields idPrefix={`role-${role.id}`} role={role} groups={groups} lockedPermissions={locked} />
        <SubmitButton>{t("roles.save")}</SubmitButton>
      </ActionForm>
      {!locked && <DeleteButton action={deleteRoleAction.bind(null, role.id)} label={t("roles.delete")} name={role.name} />}
    </div>
  );
}
