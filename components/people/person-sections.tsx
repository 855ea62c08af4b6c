import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import type { PersonRecord } from "@/lib/domain/people/person-record";
import { formatAddress } from "@/lib/domain/people/address-service";
import { formatDate, formatPlainDate } from "@/lib/time";
import { getLocale, getT } from "@/lib/i18n/server";
import type { FormAction } from "@/components/forms/action-form";
import { AddressEditForm } from "./address-edit-form";
import { getSpace } from "@/lib/web/space";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** Parts of the admin person page: memberships, cards, equipment, committees, addresses (editable with members.write). */
/** updateAddressAction: the route's action for the inline address edit (shown with mayEditAddresses). */
export async function PersonSections({
  record,
  mayEditAddresses = false,
  updateAddressAction,
}: {
  record: PersonRecord;
  mayEditAddresses?: boolean;
  updateAddressAction?: FormAction;
}) {
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { timeZone } = await getSpace();
  const date = (d: Date) => formatDate(d, locale, timeZone);
  const now = new Date();
  return (
    <>
      <Card id="memberships" title={t("person.memberships")}>
        {record.memberships.length === 0 ? (
          <EmptyState>{t("person.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {record.memberships.map((m) => (
              <li key={m.id} className="flex flex-wrap gap-x-4 py-1">
                <span className="font-medium">{m.type}</span>
                <span>
                  {formatPlainDate(m.validFrom, locale)} – {m.validUntil ? formatPlainDate(m.validUntil, locale) : t("person.open")}
                </span>
                {m.endsAtYearEnd && <span className="text-amber-800">{t("membership.endsAtYearEnd")}</span>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="addresses" title={t("profile.addresses")}>
        {record.addresses.length === 0 ? (
          <EmptyState>{t("person.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {record.addresses.map((a) => (
              <li key={a.addressId} className="py-1">
                <span className="mr-2 text-sm text-slate-500">
                  {a.typeName}
                  {a.isMain ? ` · ${t("address.main")}` : ""}
                </span>
                {formatAddress(a)}
                {mayEditAddresses && updateAddressAction && <AddressEditForm t={t} address={a} personId={record.person.id} action={updateAddressAction} />}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="cards" title={t("person.cards")}>
        {record.cards.length === 0 ? (
          <EmptyState>{t("person.noCards")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {record.cards.map((c) => (
              <li key={c.id} className="flex flex-wrap gap-x-4 py-1">
                <span className="font-mono">{c.uid}</span>
                <span>{t(`card.state.${c.state}`)}</span>
                <span className="text-sm text-slate-500">
                  {t("home.card.issued")} {date(c.issuedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="equipment" title={t("person.equipment")}>
        {record.equipment.length === 0 ? (
          <EmptyState>{t("person.noEquipment")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {record.equipment.map(({ a, type }) => {
              const current = !a.revokedAt && (!a.expiresAt || a.expiresAt > now);
              return (
                <li key={a.id} className={`flex flex-wrap gap-x-4 py-1 ${current ? "" : "text-slate-600"}`}>
                  <span className="font-medium">{type}</span>
                  <span>{t(`level.${a.level}`)}</span>
                  <span className="text-sm">
                    {a.revokedAt ? t("person.revoked") : a.expiresAt ? `${t("home.equipment.expires")} ${date(a.expiresAt)}` : t("home.equipment.noExpiry")}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <Link href={`/admin/equipment/people/${record.person.id}`} className={`${linkClass} mt-2 inline-block text-sm`}>
          {t("person.manageEquipment")}
        </Link>
      </Card>
      <Card id="functions" title={t("person.functions")}>
        {record.functions.length === 0 ? (
          <EmptyState>{t("person.none")}</EmptyState>
        ) : (
          <ul>
            {record.functions.map((f) => (
              <li key={f.holderId}>
                {f.committee} · {f.fn} ({formatPlainDate(f.since, locale)} – {f.until ? formatPlainDate(f.until, locale) : t("person.open")})
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
