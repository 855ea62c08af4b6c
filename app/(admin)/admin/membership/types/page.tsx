import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { TypeFields } from "@/components/people-admin/type-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listMembershipTypes } from "@/lib/domain/people/reference-service";
import { intlLocale } from "@/lib/i18n/intl-locale";
import { getLocale, getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteTypeAction, saveTypeAction } from "../actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";

export default async function MembershipTypesPage() {
  await requirePermission("members.write");
  const [t, locale, types] = await Promise.all([getT(), getLocale(), listMembershipTypes(getDb())]);
  const money = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className="space-y-6">
      <Link href="/admin/membership" className={linkClass}>
        {t("pa.back")}
      </Link>
      <PageTitle>{t("pa.types")}</PageTitle>
      <p className="text-slate-600">{t("pa.types.intro")}</p>
      <ul className="space-y-3" aria-label={t("pa.types")}>
        {types.map((m) => (
          <li key={m.id} className={`${cardClass} space-y-2`} aria-label={m.name}>
            <h2 className="text-lg font-semibold">
              {m.name} <span className="font-mono text-sm text-slate-500">{m.key}</span>
            </h2>
            <p className="text-sm">
              {t("pa.perPeriod", { fee: money.format(m.feeCents / 100), period: t(`pa.billing.${m.billingPeriod}`) })}
              {m.partnerRate && ` · ${t("pa.partnerRate")}`}
              {!m.active && ` · ${t("pa.inactive")}`}
            </p>
            <details>
              <summary className="cursor-pointer text-sm text-amber-800">{t("pa.edit")}</summary>
              <ActionForm action={saveTypeAction.bind(null, m.id)} className="mt-2 space-y-3" label={`${t("pa.edit")}: ${m.name}`}>
                <TypeFields idPrefix={`type-${m.id}`} type={m} />
                <SubmitButton>{t("pa.save")}</SubmitButton>
              </ActionForm>
            </details>
            <DeleteButton action={deleteTypeAction.bind(null, m.id)} label={t("pa.delete")} name={m.name} />
          </li>
        ))}
      </ul>
      <Card id="new-type" title={t("pa.new")}>
        <ActionForm action={saveTypeAction.bind(null, null)} className="space-y-3" label={t("pa.new")}>
          <TypeFields idPrefix="type-new" />
          <SubmitButton>{t("pa.add")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
