import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleHolderList } from "@/components/access/role-holder-list";
import { RightsLine } from "@/components/access/rights-line";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { LoadingBoundary } from "@/components/ui/loading";
import { PageTitle } from "@/components/ui/page-title";
import { linkClass } from "@/components/ui/styles";
import { requirePermission } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/domain/people/visibility";
import { roleWithPermissions } from "@/lib/domain/access/role-admin";
import { roleHolders } from "@/lib/domain/access/role-holders";
import { viewRightGroups } from "@/lib/domain/access/view-rights";
import { parseId, parsePage, searchText } from "@/lib/domain/shared/ids";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";

/** 25, not 50: the Member role is thousands of holders, and each one is markup twice (HTML and the RSC payload) (issue 20). */
const PER_PAGE = 25;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * One role: what it grants and who holds it and why, 25 at a time or found by name (a status every member has is
 * thousands). Its form and deleting it are on its edit page (`edit/`): this page carries no form of the role, only
 * the holders, which stream in after the role was found (a 404 stays a 404).
 */
export default async function RolePage({ params, searchParams }: Props) {
  const user = await requirePermission("system.admin");
  const id = parseId((await params).id);
  const db = getDb();
  const [t, role, groups] = await Promise.all([getT(), roleWithPermissions(db, id), viewRightGroups(db)]);
  if (!role) notFound();
  const asked = await searchParams;
  const query = searchText(asked.q, 100);
  return (
    <div className="space-y-6">
      <Link href="/admin/roles" className={linkClass}>
        {t("roles.back")}
      </Link>
      <PageTitle
        kicker={<span className="font-mono text-sm text-slate-500">{role.key}</span>}
        actions={
          <ButtonLink look="secondary" href={`/admin/roles/${role.id}/edit`}>
            {t("roles.editRole")}
          </ButtonLink>
        }
      >
        {role.name}
      </PageTitle>
      {role.description && <p className="text-slate-600">{role.description}</p>}
      <p className="text-sm" data-testid="role-permissions">
        {role.permissions.length ? role.permissions.map((p) => t(`roles.perm.${p}`)).join(" · ") : t("roles.noPermissions")}
      </p>
      <RightsLine rights={role.rights} groups={groups} />
      <form method="get" role="search" aria-label={t("roles.findHolder")} className="flex flex-wrap items-end gap-3">
        <TextField
          id="holder-q"
          name="q"
          type="search"
          label={t("roles.findHolder")}
          placeholder={t("people.searchPlaceholder")}
          defaultValue={query}
          className="w-72 max-w-full"
        />
        <Button type="submit" look="secondary">
          {t("people.search")}
        </Button>
      </form>
      <LoadingBoundary label={t("loading.status")} lines={8}>
        <Holders viewer={user} roleId={role.id} query={query} asked={parsePage(asked.page)} />
      </LoadingBoundary>
    </div>
  );
}

/** A page of the role's holders (or of those the search finds), their count and the links to the other pages. */
async function Holders({ viewer, roleId, query, asked }: { viewer: Viewer; roleId: number; query: string; asked: number }) {
  const db = getDb();
  const at = (page: number) => ({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE, query });
  const [t, first] = await Promise.all([getT(), roleHolders(db, viewer, roleId, at(asked))]);
  const pages = Math.max(1, Math.ceil(first.total / PER_PAGE));
  const page = Math.min(asked, pages);
  // Past the end (a link kept while people left): the last page.
  const holders = page < asked ? await roleHolders(db, viewer, roleId, at(page)) : first;
  const pageLink = (n: number) => `/admin/roles/${roleId}?${new URLSearchParams(query ? { q: query, page: String(n) } : { page: String(n) })}#holders`;
  return (
    <Card
      id="holders"
      title={
        holders.more
          ? t("roles.holdersMatchingMore", { count: holders.total })
          : query
            ? t("roles.holdersMatching", { count: holders.total })
            : t("roles.heldBy", { count: holders.total })
      }
      actions={
        query ? (
          <Link className={linkClass} href={`/admin/roles/${roleId}#holders`}>
            {t("roles.allHolders")}
          </Link>
        ) : undefined
      }
      className="space-y-3"
    >
      <RoleHolderList holders={holders} empty={query ? t("roles.noHolderMatches") : t("roles.nobody")} />
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
  );
}
