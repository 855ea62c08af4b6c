import Link from "next/link";
import { notFound } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { HistoryList } from "@/components/people/history-list";
import { PersonAdminForms } from "./person-admin-forms";
import { PersonSections } from "@/components/people/person-sections";
import { updateAddressAction } from "@/app/(member)/profile/address-edit-actions";
import { ProfileFields } from "@/components/people/profile-fields";
import { statusLabel } from "@/components/people/status-label";
import { PersonAccessSection } from "./person-access-section";
import { PersonLoginSection } from "./person-login-section";
import { requirePermission } from "@/lib/auth/guards";
import { PartnerSection } from "./partner-section";
import { addPersonAddressAction } from "./address-actions";
import { AddressAddForm } from "@/components/people/address-add-form";
import { PhotoSection } from "@/components/people/photo-section";
import { personPage } from "@/lib/domain/people/person-page";
import { readableHistory } from "@/lib/domain/audit/readable-history";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { removePersonPhotoAction, uploadPersonPhotoAction } from "@/app/(member)/profile/photo-actions";
import { updatePersonAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("members.read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const [t, locale, space, page] = await Promise.all([getT(), getLocale(), getSpace(), personPage(db, user, id)]);
  if (!page) notFound();
  const { record, statuses, types, partner, addressTypes, studyFields, login, roles, held, outranked, mayGrantRoles } = page;
  const { person, profile } = record;
  const history = await readableHistory(db, record.history, { t, locale, timeZone: space.timeZone, viewer: user });
  const name = profile ? `${profile.firstName} ${profile.lastName}`.trim() : t("people.formerMember", { number: person.memberNumber ?? person.id });
  const mayWrite = user.permissions.has("members.write") && !outranked;

  return (
    <div className="space-y-6">
      <Link href="/admin/people" className={linkClass}>
        {t("person.back")}
      </Link>
      <PageTitle
        actions={
          <p className="text-slate-600">
            {t("home.memberNumber")}: {person.memberNumber ?? "–"} · {statusLabel(t, record.status)}
          </p>
        }
      >
        {name}
      </PageTitle>
      <p className="flex flex-wrap gap-3 text-sm">
        <a className={linkClass} href={`/admin/people/${id}/export?format=json`}>
          {t("person.exportJson")}
        </a>
        <a className={linkClass} href={`/admin/people/${id}/export?format=xlsx`}>
          {t("person.exportXlsx")}
        </a>
      </p>
      {outranked && user.permissions.has("members.write") && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("access.outranked")}
        </p>
      )}
      {profile && mayWrite && (
        <Card id="profile" title={t("person.profile")}>
          <ActionForm action={updatePersonAction} className="space-y-4" label={t("person.profile")}>
            <input type="hidden" name="personId" value={id} />
            <ProfileFields defaults={{ ...profile, studies: record.studies }} studyFields={studyFields} />
            <SubmitButton>{t("profile.save")}</SubmitButton>
          </ActionForm>
        </Card>
      )}
      {profile && mayWrite && (
        <PhotoSection personId={id} photoKey={profile.photoPath} name={name} upload={uploadPersonPhotoAction} remove={removePersonPhotoAction} />
      )}
      <PersonSections record={record} mayEditAddresses={Boolean(profile) && mayWrite} updateAddressAction={updateAddressAction} />
      {profile && mayWrite && (
        <Card id="add-address" title={t("address.add")}>
          <AddressAddForm t={t} types={addressTypes} action={addPersonAddressAction.bind(null, id)} />
        </Card>
      )}
      {profile && mayWrite && <PartnerSection personId={id} partner={partner} addresses={record.addresses} partnerRateTypes={page.partnerRateTypes} />}
      {!person.erasedAt && <PersonLoginSection personId={id} mayInvite={mayWrite} state={login} />}
      {mayGrantRoles && !outranked && !person.erasedAt && (
        <PersonAccessSection personId={id} loginEmail={login.kind === "login" ? login.email : null} roles={roles} held={held} />
      )}
      {mayWrite && <PersonAdminForms personId={id} statusId={person.statusId} statuses={statuses} types={types} erased={Boolean(person.erasedAt)} />}
      <Card id="history" title={t("person.history")}>
        <HistoryList t={t} entries={history} />
        {user.permissions.has("audit.read") && (
          <p className="mt-3 text-sm">
            <Link href={`/admin/audit?person=${encodeURIComponent(`#${id}`)}`} className={linkClass}>
              {t("person.historyInAuditLog")}
            </Link>
          </p>
        )}
      </Card>
    </div>
  );
}
