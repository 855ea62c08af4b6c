import { FieldGroup, GroupInput } from "@/components/ui/field";
import Link from "next/link";
import { notFound } from "next/navigation";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { LoginSection } from "./login-section";
import { AddressForms } from "./address-forms";
import { ProfileFields } from "@/components/people/profile-fields";
import { PhotoSection } from "@/components/people/photo-section";
import { VisibilityForm } from "./visibility-form";
import { requireUser } from "@/lib/auth/guards";
import { optInListsFor } from "@/lib/domain/mailing-lists/opt-ins";
import { addressesOf, formatAddress } from "@/lib/domain/people/address-service";
import { partnerOf } from "@/lib/domain/people/partner-link";
import { currentSlug } from "@/lib/domain/people/public-profile";
import { ownProfile } from "@/lib/domain/people/profile-settings";
import { studyFieldNames } from "@/lib/domain/people/study-fields";
import { listAddressTypes } from "@/lib/domain/people/reference-service";
import { SUMMARY_PERMISSION, wantsWeeklySummary } from "@/lib/domain/usage/weekly-summary";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { updateOwnProfileAction } from "./actions";
import { removePersonPhotoAction, uploadPersonPhotoAction } from "./photo-actions";
import { setMailingListsAction } from "./mailing-list-actions";
import { setMailPreferencesAction } from "./mail-preference-actions";
import { mailPreferencesOf } from "@/lib/domain/mail/preferences";
import { MAIL_TOPICS } from "@/lib/domain/mail/topics";
import { setWeeklySummaryAction } from "./summary-actions";
import { setPartnerConsentAction } from "./partner-consent-actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";

export default async function ProfilePage() {
  const user = await requireUser();
  const db = getDb();
  const [t, own, addresses, types, partner, lists, mailPrefs, slug, studyFields] = await Promise.all([
    getT(),
    ownProfile(db, user.personId),
    addressesOf(db, user.personId),
    listAddressTypes(db),
    partnerOf(db, user.personId),
    optInListsFor(db, user.personId),
    mailPreferencesOf(db, user.personId),
    currentSlug(db, user.personId),
    studyFieldNames(db),
  ]);
  if (!own) notFound();
  const { profile, studies } = own;
  // Staff only: the weekly summary of the machines (issue 6).
  const summary = user.permissions.has(SUMMARY_PERMISSION) ? await wantsWeeklySummary(db, user.personId) : null;
  return (
    <div className="space-y-6">
      <PageTitle>{t("profile.title")}</PageTitle>
      <Card id="my-profile" title={t("profile.title")} titleHidden>
        <ActionForm action={updateOwnProfileAction} className="space-y-4" label={t("profile.title")}>
          <ProfileFields defaults={{ ...profile, studies }} studyFields={studyFields} />
          <SubmitButton>{t("profile.save")}</SubmitButton>
        </ActionForm>
      </Card>
      <LoginSection loginEmail={user.email} />
      <PhotoSection
        personId={user.personId}
        photoKey={profile.photoPath}
        name={`${profile.firstName} ${profile.lastName}`.trim()}
        upload={uploadPersonPhotoAction}
        remove={removePersonPhotoAction}
      />
      {partner && (
        <Card id="my-partner" title={t("partner.title")}>
          <p>{partner.name}</p>
          <p className="text-sm text-slate-600">
            {t(
              partner.mayEdit
                ? "partner.consent.both"
                : partner.iAgree
                  ? "partner.consent.mine"
                  : partner.partnerAgrees
                    ? "partner.consent.theirs"
                    : "partner.consent.none",
            )}
          </p>
          <ActionForm action={setPartnerConsentAction} label={t("partner.consent.label")} className="mt-2">
            <input type="hidden" name="agree" value={partner.iAgree ? "no" : "yes"} />
            <SubmitButton>{t(partner.iAgree ? "partner.consent.withdraw" : "partner.consent.agree")}</SubmitButton>
          </ActionForm>
          {partner.mayEdit && (
            <p className="mt-2">
              <Link href="/profile/partner" className={linkClass}>
                {t("partner.edit.link", { name: partner.name })}
              </Link>
            </p>
          )}
          <ul className="mt-2 list-disc pl-5 text-sm">
            {addresses
              .filter((a) => a.sharedWith.includes(partner.personId))
              .map((a) => (
                <li key={a.addressId}>{t("partner.self.sharedAddress", { address: formatAddress(a) })}</li>
              ))}
          </ul>
        </Card>
      )}
      <Card id="my-visibility" title={t("visibility.title")} intro={t("visibility.intro")}>
        <p className="mb-3 text-sm">
          <Link href={`/people/${slug}`} className={linkClass}>
            {t("people.public.ownPage")}
          </Link>
        </p>
        <VisibilityForm
          settings={{ personId: user.personId, partnerPersonId: profile.partnerPersonId, visibility: profile.visibility, boardOnly: profile.boardOnly }}
        />
      </Card>
      {summary !== null && (
        <Card id="my-summary" title={t("summary.optin.title")} intro={t("summary.optin.intro")}>
          <ActionForm action={setWeeklySummaryAction} className="flex flex-wrap items-center gap-3" label={t("summary.optin.title")}>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="weeklySummary" defaultChecked={summary} />
              {t("summary.optin.label")}
            </label>
            <SubmitButton>{t("summary.optin.save")}</SubmitButton>
          </ActionForm>
        </Card>
      )}
      {lists.length > 0 && (
        <Card id="my-lists" title={t("ml.optIns.title")} intro={t("ml.optIns.intro")}>
          <ActionForm
            action={setMailingListsAction.bind(
              null,
              lists.map((l) => l.id),
            )}
            className="space-y-2"
            label={t("ml.optIns.title")}
          >
            <FieldGroup name="chosen" legend={t("ml.optIns.title")} legendClassName="sr-only" className="space-y-2">
              {lists.map((l) => (
                <label key={l.id} className="flex items-start gap-2">
                  <GroupInput type="checkbox" name="listId" value={l.id} defaultChecked={l.subscribed} className="mt-1" />
                  <span>
                    {l.name} <span className="text-sm text-slate-500">{l.address}</span>
                    {l.description && <span className="block text-sm text-slate-600">{l.description}</span>}
                  </span>
                </label>
              ))}
            </FieldGroup>
            <SubmitButton>{t("ml.optIns.save")}</SubmitButton>
          </ActionForm>
        </Card>
      )}
      <Card id="my-mails" title={t("mailPrefs.title")} intro={t("mailPrefs.intro")}>
        <ActionForm action={setMailPreferencesAction} className="space-y-2" label={t("mailPrefs.title")}>
          <FieldGroup name="topics" legend={t("mailPrefs.title")} legendClassName="sr-only" className="space-y-2">
            {MAIL_TOPICS.map((topic) => (
              <label key={topic} className="flex items-start gap-2">
                <GroupInput type="checkbox" name="topic" value={topic} defaultChecked={mailPrefs[topic]} className="mt-1" />
                <span>{t(`mailPrefs.${topic}`)}</span>
              </label>
            ))}
          </FieldGroup>
          <SubmitButton>{t("mailPrefs.save")}</SubmitButton>
        </ActionForm>
      </Card>
      <Card id="my-addresses" title={t("profile.addresses")}>
        <AddressForms addresses={addresses} types={types} />
      </Card>
      <p className="flex flex-wrap gap-3 text-sm">
        <a className={linkClass} href={`/admin/people/${user.personId}/export?format=json`}>
          {t("person.exportJson")}
        </a>
        <a className={linkClass} href={`/admin/people/${user.personId}/export?format=xlsx`}>
          {t("person.exportXlsx")}
        </a>
        <a className={linkClass} href="/profile/record">
          {t("record.link")}
        </a>
        <a className={linkClass} href="/profile/tokens">
          {t("api.tokens.link")}
        </a>
        <a className={linkClass} href="/profile/services">
          {t("sso.services.link")}
        </a>
      </p>
    </div>
  );
}
