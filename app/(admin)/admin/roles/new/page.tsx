import Link from "next/link";
import { RoleFields } from "@/components/access/role-fields";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { PageTitle } from "@/components/ui/page-title";
import { linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { viewRightGroups } from "@/lib/domain/access/view-rights";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { createRoleAction } from "../actions";

/** A new role: its name, description and permissions; created, it opens on its own page. */
export default async function NewRolePage() {
  await requirePermission("system.admin");
  const [t, groups] = await Promise.all([getT(), viewRightGroups(getDb())]);
  return (
    <div className="space-y-6">
      <Link href="/admin/roles" className={linkClass}>
        {t("roles.back")}
      </Link>
      <PageTitle>{t("roles.new")}</PageTitle>
      <ActionForm action={createRoleAction} className="space-y-3" label={t("roles.new")}>
        <RoleFields idPrefix="role-new" groups={groups} />
        <SubmitButton>{t("roles.create")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
