import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import { listRolesWithPermissions } from "@/lib/domain/access/role-admin";
import { roleHolderCounts } from "@/lib/domain/access/role-holders";
import { viewRightGroups } from "@/lib/domain/access/view-rights";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { ButtonLink } from "@/components/ui/button";
import { RightsLine } from "@/components/access/rights-line";

/**
 * Roles bundle the permissions the code defines; system admins see each role, how many hold it, and open its page
 * to see who and why, or to change it. Nothing here lists people or carries a form: every role's holders and edit
 * form on one page was 218 KB and a query per role (issue 20).
 */
export default async function RolesPage() {
  await requirePermission("system.admin");
  const db = getDb();
  const [t, roles, counts, groups] = await Promise.all([getT(), listRolesWithPermissions(db), roleHolderCounts(db), viewRightGroups(db)]);
  return (
    <div className="space-y-6">
      <PageTitle actions={<ButtonLink href="/admin/roles/new">{t("roles.new")}</ButtonLink>}>{t("roles.title")}</PageTitle>
      <p className="text-slate-600">{t("roles.intro")}</p>
      <ul className="space-y-3" aria-label={t("roles.title")}>
        {roles.map((r) => (
          <li key={r.id} className={`${cardClass} space-y-2`} aria-label={r.name}>
            <h2 className="text-lg font-semibold">
              {r.name} <span className="font-mono text-sm text-slate-500">{r.key}</span>
            </h2>
            {r.description && <p className="text-sm text-slate-600">{r.description}</p>}
            <p className="text-sm" data-testid="role-permissions">
              {r.permissions.length ? r.permissions.map((p) => t(`roles.perm.${p}`)).join(" · ") : t("roles.noPermissions")}
            </p>
            <RightsLine rights={r.rights} groups={groups} />
            <p className="flex flex-wrap gap-4 text-sm">
              <Link className={linkClass} href={`/admin/roles/${r.id}#holders`}>
                {t("roles.heldBy", { count: counts.get(r.id) ?? 0 })}
              </Link>
              <Link className={linkClass} href={`/admin/roles/${r.id}/edit`} aria-label={`${t("roles.edit")}: ${r.name}`}>
                {t("roles.edit")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
