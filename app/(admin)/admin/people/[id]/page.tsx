import Link from "next/link";
import { notFound } from "next/navigation";
import { cardClass, linkClass } from "@/components/ui/styles";
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
import { subjectRefusal } from "@/lib/domain/access/containment";
import { PartnerSection } from "./partner-section";
import { addPersonAddressAction } from "./address-actions";
import { AddressAddForm } from "@/components/people/address-add-form";
import { PhotoSection } from "@/components/people/photo-section";
import { addressesOf } from "@/lib/domain/people/address-service";
import { partnerOf, partnerRateTypes } from "@/lib/domain/people/partner-link";
import { getPersonRecord } from "@/lib/domain/people/person-record";
import { listAddressTypes, listMembershipTypes, listStatuses } from "@/lib/domain/people/reference-service";
import { readableHistory } from "@/lib/domain/audit/readable-history";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import { removePersonPhotoAction, uploadPersonPhotoAction } from "@/app/(member)/profile/photo-actions";
import { updatePersonAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("members.read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  const [t, locale, space, record, statuses, types, partner, addresses, rateTypes, addressTypes] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    getPersonRecord(db, id),
    listStatuses(db),
    listMembershipTypes(db),
    partnerOf(db, id),
    addressesOf(db, id),
    partnerRateTypes(db),
    listAddressTypes(db),
  ]);
  if (!record) notFound();
  const { person, profile } = record;
  const history = await readableHistory(db, record.history, { t, locale, timeZone: space.timeZone });
  const name = profile ? `${profile.firstName} ${profile.lastName}`.trim() : t("people.formerMember", { number: person.memberNumber ?? person.id });
  // Someone above the viewer is shown, not offered for change (the domain refuses it anyway).
  const outranked = (await subjectRefusal(db, user.personId, id)) !== null;
  const mayWrite = user.permissions.has("members.write") && !outranked;

  return (
    <div className="space-y-6">
      <Link href="/admin/people" className={linkClass}>{t("person.back")}</Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{name}</h1>
        <p className="text-slate-600">
          {t("home.memberNumber")}: {person.memberNumber ?? "–"} · {statusLabel(t, record.status)}
        </p>
      </div>
      <p className="flex flex-wrap gap-3 text-sm">
        <a className={linkClass} href={`/admin/people/${id}/export?format=json`}>{t("person.exportJson")}</a>
        <a className={linkClass} href={`/admin/people/${id}/export?format=xlsx`}>{t("person.exportXlsx")}</a>
      </p>
      {outranked && user.permissions.has("members.write") && (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("access.outranked")}</p>
      )}
      {profile && mayWrite && (
        <section className={cardClass} aria-labelledby="profile">
          <h2 id="profile" className="mb-3 text-lg font-semibold">{t("person.profile")}</h2>
          <ActionForm action={updatePersonAction} className="space-y-4" label={t("person.profile")}>
            <input type="hidden" name="personId" value={id} />
            <ProfileFields defaults={{ ...profile, studies: record.studies }} />
            <SubmitButton>{t("profile.save")}</SubmitButton>
          </ActionForm>
        </section>
      )}
      {profile && mayWrite && <PhotoSection personId={id} photoKey={profile.photoPath} name={name} upload={uploadPersonPhotoAction} remove={removePersonPhotoAction} />}
      <PersonSections record={record} mayEditAddresses={Boolean(profile) && mayWrite} updateAddressAction={updateAddressAction} />
      {profile && mayWrite && (
        <section className={cardClass} aria-labelledby="add-address">
          <h2 id="add-address" className="mb-3 text-lg font-semibold">{t("address.add")}</h2>
          <AddressAddForm t={t} types={addressTypes} action={addPersonAddressAction.bind(null, id)} />
        </section>
      )}
      {profile && mayWrite && <PartnerSection personId={id} partner={partner} addresses={addresses} partnerRateTypes={rateTypes} />}
      {!person.erasedAt && <PersonLoginSection personId={id} mayInvite={mayWrite} />}
      {user.permissions.has("system.admin") && !outranked && !person.erasedAt && <PersonAccessSection personId={id} />}
      {mayWrite && <PersonAdminForms personId={id} statusId={person.statusId} statuses={statuses} types={types} erased={Boolean(person.erasedAt)} />}
      <section className={cardClass} aria-labelledby="history">
        <h2 id="history" className="mb-3 text-lg font-semibold">{t("person.history")}</h2>
        <HistoryList t={t} entries={history} />
        {user.permissions.has("audit.read") && (
          <p className="mt-3 text-sm">
            <Link href={`/admin/audit?person=${encodeURIComponent(`#${id}`)}`} className={linkClass}>
              {t("person.historyInAuditLog")}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
