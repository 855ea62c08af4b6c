import { RoleFields } from "@/components/access/role-fields";
import { RoleHolderList } from "@/components/access/role-holder-list";
import { cardClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { requirePermission } from "@/lib/auth/guards";
import { LOCKED_ROLE_KEY, listRolesWithPermissions } from "@/lib/domain/access/role-admin";
import { roleHolders } from "@/lib/domain/access/role-holders";
import { listCommittees } from "@/lib/domain/people/committee-service";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { parseViewRight } from "@/lib/domain/access/view-rights";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { createRoleAction, deleteRoleAction, updateRoleAction } from "./actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";

/** Roles bundle the permissions the code defines; system admins shape them here and see who holds each and why. */
export default async function RolesPage() {
  const user = await requirePermission("system.admin");
  const db = getDb();
  const [t, roles, statuses, committees] = await Promise.all([getT(), listRolesWithPermissions(db), listStatuses(db), listCommittees(db)]);
  const groups = { statuses: statuses.map((s) => ({ id: s.id, name: s.name })), committees: committees.map((c) => ({ id: c.id, name: c.name })) };
  const groupName = (key: string) => {
    const right = parseViewRight(key)!;
    const name = (right.kind === "status" ? groups.statuses : groups.committees).find((g) => g.id === right.id)?.name ?? "?";
    return t(right.kind === "status" ? "roles.view.status" : "roles.view.committee", { name });
  };
  // Each role's first 50 holders and their count (a role every member holds is thousands of people).
  const holders = await Promise.all(roles.map((r) => roleHolders(db, user, r.id, { limit: 50 })));
  return (
    <div className="space-y-6">
      <PageTitle>{t("roles.title")}</PageTitle>
      <p className="text-slate-600">{t("roles.intro")}</p>
      <ul className="space-y-3" aria-label={t("roles.title")}>
        {roles.map((r, i) => {
          const locked = r.key === LOCKED_ROLE_KEY;
          return (
            <li key={r.id} className={`${cardClass} space-y-2`} aria-label={r.name}>
              <h2 className="text-lg font-semibold">
                {r.name} <span className="font-mono text-sm text-slate-500">{r.key}</span>
              </h2>
              {r.description && <p className="text-sm text-slate-600">{r.description}</p>}
              <p className="text-sm" data-testid="role-permissions">
                {r.permissions.length ? r.permissions.map((p) => t(`roles.perm.${p}`)).join(" · ") : t("roles.noPermissions")}
              </p>
              {r.rights.length > 0 && (
                <p className="text-sm text-slate-600" data-testid="role-rights">
                  {r.rights.map(groupName).join(" · ")}
                </p>
              )}
              <details>
                <summary className="cursor-pointer text-sm text-amber-800">{t("roles.heldBy", { count: holders[i]!.total })}</summary>
                <div className="mt-2">
                  <RoleHolderList holders={holders[i]!} />
                </div>
              </details>
              <details>
                <summary className="cursor-pointer text-sm text-amber-800">{t("roles.edit")}</summary>
                <ActionForm action={updateRoleAction.bind(null, r.id)} className="mt-2 space-y-3" label={`${t("roles.edit")}: ${r.name}`}>
                  <RoleFields idPrefix={`role-${r.id}`} role={r} groups={groups} lockedPermissions={locked} />
                  <SubmitButton>{t("roles.save")}</SubmitButton>
                </ActionForm>
              </details>
              {!locked && <DeleteButton action={deleteRoleAction.bind(null, r.id)} label={t("roles.delete")} name={r.name} />}
            </li>
          );
        })}
      </ul>
      <Card id="new-role" title={t("roles.new")}>
        <ActionForm action={createRoleAction} className="space-y-3" label={t("roles.new")}>
          <RoleFields idPrefix="role-new" groups={groups} />
          <SubmitButton>{t("roles.create")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
