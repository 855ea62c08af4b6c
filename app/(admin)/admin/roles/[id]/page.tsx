import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleFields } from "@/components/access/role-fields";
import { RoleHolderList } from "@/components/access/role-holder-list";
import { RightsLine } from "@/components/access/rights-line";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { LOCKED_ROLE_KEY, listRolesWithPermissions } from "@/lib/domain/access/role-admin";
import { roleHolders } from "@/lib/domain/access/role-holders";
import { viewRightGroups } from "@/lib/domain/access/view-rights";
import { parseId, parsePage } from "@/lib/domain/shared/ids";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteRoleAction, updateRoleAction } from "../actions";

const PER_PAGE = 50;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One role: who holds it and why, a page of 50 at a time (a status every member has is thousands), its form, deleting it. */
export default async function RolePage({ params, searchParams }: Props) {
  const user = await requirePermission("system.admin");
  const id = parseId((await params).id);
  const db = getDb();
  const [t, roles, groups] = await Promise.all([getT(), listRolesWithPermissions(db), viewRightGroups(db)]);
  const role = roles.find((r) => r.id === id);
  if (!role) notFound();
  const asked = parsePage((await searchParams).page);
  let holders = await roleHolders(db, user, role.id, { limit: PER_PAGE, offset: (asked - 1) * PER_PAGE });
  const pages = Math.max(1, Math.ceil(holders.total / PER_PAGE));
  const page = Math.min(asked, pages);
  if (page < asked) holders = await roleHolders(db, user, role.id, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  const locked = role.key === LOCKED_ROLE_KEY;
  const pageLink = (n: number) => `/admin/roles/${role.id}?page=${n}#holders`;
  return (
    <div className="space-y-6">
      <Link href="/admin/roles" className={linkClass}>
        {t("roles.back")}
      </Link>
      <PageTitle kicker={<span className="font-mono text-sm text-slate-500">{role.key}</span>}>{role.name}</PageTitle>
      {role.description && <p className="text-slate-600">{role.description}</p>}
      <p className="text-sm" data-testid="role-permissions">
        {role.permissions.length ? role.permissions.map((p) => t(`roles.perm.${p}`)).join(" · ") : t("roles.noPermissions")}
      </p>
      <RightsLine rights={role.rights} groups={groups} />
      <Card id="holders" title={t("roles.heldBy", { count: holders.total })} className="space-y-3">
        <RoleHolderList holders={holders} />
        {pages > 1 && (
          <nav aria-label={t("roles.holdersPage", { page, pages })} className="flex items-center gap-3 text-sm">
            {page > 1 && (
              <Link className={linkClass} rel="prev" href={pageLink(page - 1)}>
                {t("people.prev")}
              </Link>
            )}
            <span>{t("roles.holdersPage", { page, pages })}</span>
            {page < pages && (
              <Link className={linkClass} rel="next" href={pageLink(page + 1)}>
                {t("people.next")}
              </Link>
            )}
          </nav>
        )}
      </Card>
      <Card id="edit" title={t("roles.edit")}>
        <ActionForm action={updateRoleAction.bind(null, role.id)} className="space-y-3" label={`${t("roles.edit")}: ${role.name}`}>
          <RoleFields idPrefix={`role-${role.id}`} role={role} groups={groups} lockedPermissions={locked} />
          <SubmitButton>{t("roles.save")}</SubmitButton>
        </ActionForm>
      </Card>
      {!locked && <DeleteButton action={deleteRoleAction.bind(null, role.id)} label={t("roles.delete")} name={role.name} />}
    </div>
  );
}
