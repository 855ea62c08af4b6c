import Link from "next/link";
import { TextField } from "@/components/ui/field";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { requirePermission } from "@/lib/auth/guards";
import type { AddressType } from "@/lib/db/schema";
import { listAddressTypes } from "@/lib/domain/people/reference-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteAddressTypeAction, saveAddressTypeAction } from "../actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";

export default async function AddressTypesPage() {
  await requirePermission("members.write");
  const [t, types] = await Promise.all([getT(), listAddressTypes(getDb())]);
  const fields = (prefix: string, a?: AddressType) => (
    <div className="grid gap-3 sm:grid-cols-3">
      <TextField id={`${prefix}-name`} name="name" label={t("pa.name")} defaultValue={a?.name ?? ""} required />
      <TextField id={`${prefix}-key`} name="key" label={t("pa.key")} hint={t("pa.key.hint")} defaultValue={a?.key ?? ""} required />
      <TextField id={`${prefix}-sort`} name="sortOrder" type="number" label={t("pa.sortOrder")} defaultValue={a?.sortOrder ?? 0} />
    </div>
  );
  return (
    <div className="space-y-6">
      <Link href="/admin/membership" className={linkClass}>
        {t("pa.back")}
      </Link>
      <PageTitle>{t("pa.addressTypes")}</PageTitle>
      <p className="text-slate-600">{t("pa.addressTypes.intro")}</p>
      <ul className="space-y-3" aria-label={t("pa.addressTypes")}>
        {types.map((a) => (
          <li key={a.id} className={`${cardClass} space-y-2`} aria-label={a.name}>
            <ActionForm action={saveAddressTypeAction.bind(null, a.id)} className="space-y-3" label={`${t("pa.edit")}: ${a.name}`}>
              {fields(`address-type-${a.id}`, a)}
              <SubmitButton>{t("pa.save")}</SubmitButton>
            </ActionForm>
            <DeleteButton action={deleteAddressTypeAction.bind(null, a.id)} label={t("pa.delete")} name={a.name} />
          </li>
        ))}
      </ul>
      <Card id="new-address-type" title={t("pa.new")}>
        <ActionForm action={saveAddressTypeAction.bind(null, null)} className="space-y-3" label={t("pa.new")}>
          {fields("address-type-new")}
          <SubmitButton>{t("pa.add")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
