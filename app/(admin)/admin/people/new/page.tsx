import Link from "next/link";
import { SelectField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { ProfileFields } from "@/components/people/profile-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { studyFieldNames } from "@/lib/domain/people/study-fields";
import { getT } from "@/lib/i18n/server";
import { statusLabel } from "@/components/people/status-label";
import { getDb } from "@/lib/web/db";
import { createPersonAction } from "../actions";
import { PageTitle } from "@/components/ui/page-title";

export default async function NewPersonPage() {
  await requirePermission("members.write");
  const [t, statuses, studyFields] = await Promise.all([getT(), listStatuses(getDb()), studyFieldNames(getDb())]);
  return (
    <div className="space-y-6">
      <Link href="/admin/people" className={linkClass}>
        {t("person.back")}
      </Link>
      <PageTitle>{t("person.new")}</PageTitle>
      <ActionForm action={createPersonAction} className="space-y-4" label={t("person.new")}>
        <SelectField label={t("people.col.status")} name="statusId" defaultValue={statuses.find((s) => s.key === "member")?.id}>
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {statusLabel(t, s)}
            </option>
          ))}
        </SelectField>
        <ProfileFields studyFields={studyFields} />
        <SubmitButton>{t("person.create")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
