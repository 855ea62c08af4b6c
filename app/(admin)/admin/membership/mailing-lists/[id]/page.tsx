import Link from "next/link";
import { notFound } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { ListFormFields } from "@/components/mailing-lists/list-form-fields";
import { SyncPreview } from "@/components/mailing-lists/sync-preview";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { statusLabel } from "@/components/people/status-label";
import { requirePermission } from "@/lib/auth/guards";
import { listMembersVisibleTo } from "@/lib/domain/mailing-lists/list-members";
import { getMailingList } from "@/lib/domain/mailing-lists/lists";
import { mailmanFromEnv } from "@/lib/domain/mailing-lists/mailman-client";
import { syncMailingList } from "@/lib/domain/mailing-lists/sync";
import { listRoles } from "@/lib/domain/people/committee-admin";
import { committeeNames } from "@/lib/domain/people/committee-service";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { deleteListAction, syncListAction, updateListAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * One list: its rules, who is on it today (the computed addresses), exports for other list servers and the
 * Mailman sync. ?preview=1 is the dry run: it reads the Mailman roster and shows the differences, changing nothing.
 */
export default async function MailingListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ preview?: string }> }) {
  const user = await requirePermission("members.read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const list = await getMailingList(db, id);
  if (!list) notFound();
  const mayWrite = user.permissions.has("members.write");
  const [t, members, statuses, committees, roles, space, locale] = await Promise.all([
    getT(),
    listMembersVisibleTo(db, user.personId, id),
    listStatuses(db),
    committeeNames(db),
    listRoles(db),
    getSpace(),
    getLocale(),
  ]);
  const mailman = mailmanFromEnv(env());
  const preview = mayWrite && (await searchParams).preview === "1" ? await syncMailingList(db, user.personId, mailman, id, { dryRun: true }) : null;
  const base = `/admin/membership/mailing-lists/${id}`;
  return (
    <div className="space-y-6">
      <Link href="/admin/membership/mailing-lists" className={linkClass}>
        {t("ml.back")}
      </Link>
      <PageTitle>{list.name}</PageTitle>
      <p className="text-slate-600">{list.address}</p>
      <Card id="list-members" title={`${t("ml.members")} (${members.length})`} className="space-y-3">
        <p className="flex flex-wrap gap-3 text-sm">
          <a className={linkClass} href={`${base}/export?format=txt`}>
            {t("ml.exportText")}
          </a>
          <a className={linkClass} href={`${base}/export?format=csv`}>
            {t("ml.exportCsv")}
          </a>
        </p>
        {members.length === 0 ? (
          <EmptyState small>{t("ml.noMembers")}</EmptyState>
        ) : (
          <ul className="max-h-80 overflow-y-auto text-sm" data-testid="list-addresses">
            {members.map((m) => (
              <li key={m.personId}>
                {m.email} <span className="text-slate-500">{[m.firstName, m.lastName].filter(Boolean).join(" ")}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {mayWrite && list.mailmanSync && (
        <Card id="list-sync" title={t("ml.sync.title")} className="space-y-3">
          {!mailman && <p className="text-sm text-slate-600">{t("ml.error.not_configured")}</p>}
          {list.lastSyncAt && (
            <p className="text-sm">{t("ml.sync.last", { at: formatDateTime(list.lastSyncAt, locale, space.timeZone), result: list.lastSyncResult ?? "" })}</p>
          )}
          {mailman && !preview && (
            <Link className={linkClass} href={`${base}?preview=1`}>
              {t("ml.sync.preview")}
            </Link>
          )}
          {preview && <SyncPreview t={t} preview={preview} />}
          {mailman && (
            <ActionForm action={syncListAction.bind(null, id)} label={t("ml.sync.apply")}>
              <SubmitButton>{t("ml.sync.apply")}</SubmitButton>
            </ActionForm>
          )}
        </Card>
      )}
      {mayWrite && (
        <Card id="list-edit" title={t("ml.edit")} className="space-y-3">
          <ActionForm action={updateListAction.bind(null, id)} className="space-y-3" label={t("ml.edit")}>
            <ListFormFields
              t={t}
              prefix={`list-${id}`}
              list={list}
              statuses={statuses.map((s) => ({ id: s.id, name: statusLabel(t, s) }))}
              committees={committees}
              roles={roles}
            />
            <SubmitButton>{t("ml.save")}</SubmitButton>
          </ActionForm>
          <DeleteButton action={deleteListAction.bind(null, id)} label={t("ml.delete")} name={list.name} />
        </Card>
      )}
    </div>
  );
}
