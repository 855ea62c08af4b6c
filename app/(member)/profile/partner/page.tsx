import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { ProfileFields } from "@/components/people/profile-fields";
import { Card } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/guards";
import { partnerOf } from "@/lib/domain/people/partner-link";
import { ownProfile } from "@/lib/domain/people/profile-settings";
import { studyFieldNames } from "@/lib/domain/people/study-fields";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { updatePartnerProfileAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";

/** One's partner's profile data, editable while both agreed (else it says why not). */
export default async function PartnerProfilePage() {
  const user = await requireUser();
  const db = getDb();
  const [t, partner, studyFields] = await Promise.all([getT(), partnerOf(db, user.personId), studyFieldNames(db)]);
  const theirs = partner?.mayEdit ? await ownProfile(db, partner.personId) : null;
  return (
    <div className="space-y-6">
      <Link href="/profile" className={linkClass}>
        {t("record.back")}
      </Link>
      <PageTitle>{partner ? t("partner.edit.title", { name: partner.name }) : t("partner.title")}</PageTitle>
      {!partner ? (
        <p>{t("partner.edit.none")}</p>
      ) : !theirs ? (
        <p>{t("partner.edit.notAgreed")}</p>
      ) : (
        <Card id="partner-profile" title={t("partner.edit.title", { name: partner.name })} titleHidden intro={t("partner.edit.intro")}>
          <ActionForm action={updatePartnerProfileAction} className="space-y-4" label={t("partner.edit.title", { name: partner.name })}>
            <ProfileFields defaults={{ ...theirs.profile, studies: theirs.studies }} studyFields={studyFields} />
            <SubmitButton>{t("profile.save")}</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
