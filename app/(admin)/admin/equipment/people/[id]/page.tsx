import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { SelectField, TextField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { AuthorizationRecords } from "./authorization-records";
import { requirePermission } from "@/lib/auth/guards";
import { personEquipmentPage } from "@/lib/domain/equipment/person-equipment-page";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { grantAuthorizationAction } from "../actions";
import { parseId } from "@/lib/domain/shared/ids";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

const LEVELS = ["user", "owner", "trainer"] as const;

/** A person's equipment relationships: every record (current, expired, revoked) with grant and revoke forms. */
export default async function PersonEquipmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("equipment.manage");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = getDb();
  // Someone outside the viewer's view rights (the people search's groups) is not found, as on the admin person page;
  // the name is the one the person lets this viewer see. Everything shown comes from this one loader (its test).
  const [t, page] = await Promise.all([getT(), personEquipmentPage(db, user, id)]);
  if (!page) notFound();
  const { name, records, types } = page;

  return (
    <div className="space-y-6">
      <Link href="/admin/equipment/people" className={linkClass}>
        {t("eq.links.people")}
      </Link>
      <PageTitle>{t("eq.person.title", { name })}</PageTitle>

      <Card id="grant" title={t("eq.grant.title")} className="space-y-3">
        <ActionForm action={grantAuthorizationAction} className="space-y-3" label={t("eq.grant.title")}>
          <input type="hidden" name="personId" value={id} />
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField label={t("eq.grant.type")} name="equipmentTypeId" required>
              {types.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("eq.grant.level")} name="level" defaultValue="user">
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`level.${l}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t("eq.grant.reason")} name="reason" required minLength={3} maxLength={500} />
          </div>
          <SubmitButton>{t("eq.grant.submit")}</SubmitButton>
        </ActionForm>
      </Card>

      <Card id="records" title={t("eq.person.records")} className="space-y-3">
        {records.length === 0 ? <EmptyState>{t("eq.person.noRecords")}</EmptyState> : <AuthorizationRecords records={records} />}
      </Card>
    </div>
  );
}
