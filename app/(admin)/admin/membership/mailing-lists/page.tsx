import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { ListFormFields } from "@/components/mailing-lists/list-form-fields";
import { statusLabel } from "@/components/people/status-label";
import { requirePermission } from "@/lib/auth/guards";
import { listMembers } from "@/lib/domain/mailing-lists/list-members";
import { listMailingLists } from "@/lib/domain/mailing-lists/lists";
import { listRoles } from "@/lib/domain/people/committee-admin";
import { committeeNames } from "@/lib/domain/people/committee-service";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { createListAction } from "./actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** The space's mailing lists with how many are on each; a new list (members.write). */
export default async function MailingListsPage() {
  const user = await requirePermission("members.read");
  const db = getDb();
  const [t, lists, statuses, committees, roles] = await Promise.all([getT(), listMailingLists(db), listStatuses(db), committeeNames(db), listRoles(db)]);
  const counts = await Promise.all(lists.map(async (l) => (await listMembers(db, l.id)).length));
  return (
    <div className="space-y-6">
      <Link href="/admin/membership" className={linkClass}>
        {t("pa.back")}
      </Link>
      <PageTitle>{t("ml.title")}</PageTitle>
      <p className="text-slate-600">{t("ml.intro")}</p>
      {lists.length === 0 ? (
        <EmptyState>{t("ml.none")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {lists.map((l, i) => (
            <li key={l.id} className={cardClass}>
              <Link href={`/admin/membership/mailing-lists/${l.id}`} className={`${linkClass} text-lg font-semibold`}>
                {l.name}
              </Link>
              <p className="text-sm text-slate-600">
                {l.address} · {t("ml.count", { count: counts[i]! })}
                {l.optIn ? ` · ${t("ml.optInShort")}` : ""}
                {l.mailmanSync ? ` · ${t("ml.mailmanShort")}` : ""}
              </p>
              {l.description && <p className="mt-1 text-sm">{l.description}</p>}
            </li>
          ))}
        </ul>
      )}
      {user.permissions.has("members.write") && (
        <Card id="new-list" title={t("ml.new")}>
          <ActionForm action={createListAction} className="space-y-3" label={t("ml.new")}>
            <ListFormFields t={t} prefix="new" statuses={statuses.map((s) => ({ id: s.id, name: statusLabel(t, s) }))} committees={committees} roles={roles} />
            <SubmitButton>{t("ml.create")}</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
