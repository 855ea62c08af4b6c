import Link from "next/link";
import { CheckboxField } from "@/components/ui/field";
import { PersonPicker } from "@/components/ui/person-picker";
import { personPickerTexts } from "@/components/people/person-picker-texts";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { linkPartnerAction, sharePartnerAddressAction, unlinkPartnerAction } from "./partner-actions";
import { formatAddress, type PersonAddress } from "@/lib/domain/people/address-service";
import type { PartnerInfo } from "@/lib/domain/people/partner-link";
import { getT } from "@/lib/i18n/server";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

interface Props {
  personId: number;
  /** inScope false: outside the viewer's view rights: no link, no member number, nothing offered to change. */
  partner: (PartnerInfo & { inScope: boolean }) | null;
  addresses: PersonAddress[];
  partnerRateTypes: string[];
}

/** The admin person page's partner link: who, may they edit shared data, which addresses they share. */
export async function PartnerSection({ personId, partner, addresses, partnerRateTypes }: Props) {
  const t = await getT();
  // A partner outside the viewer's view rights: shown, but the link is not the viewer's to change (the domain refuses
  // sharing, unlinking and linking someone else as "not found").
  const mayChange = partner === null || partner.inScope;
  const unshared = partner && mayChange ? addresses.filter((a) => !a.sharedWith.includes(partner.personId)) : [];
  return (
    <Card id="partner-title" title={t("partner.title")}>
      {partnerRateTypes.length > 0 && <p className="mb-3 text-sm text-slate-600">{t("partner.rateHint", { types: partnerRateTypes.join(", ") })}</p>}
      {partner ? (
        <div className="space-y-3">
          <p>
            {partner.inScope ? (
              <Link className={linkClass} href={`/admin/people/${partner.personId}`}>
                {partner.name}
              </Link>
            ) : (
              <span>{partner.name}</span>
            )}
            {partner.memberNumber !== null && <span className="text-slate-600"> · #{partner.memberNumber}</span>}
            <span className="text-sm text-slate-600"> · {partner.mayEdit ? t("partner.mayEdit.yes") : t("partner.mayEdit.no")}</span>
          </p>
          {unshared.map((a) => (
            <ActionForm
              key={a.addressId}
              action={sharePartnerAddressAction.bind(null, personId)}
              className="flex flex-wrap items-center gap-2 text-sm"
              label={t("partner.shareOf", { address: formatAddress(a) })}
              messageAt="bottom"
            >
              <input type="hidden" name="partnerId" value={partner.personId} />
              <input type="hidden" name="addressId" value={a.addressId} />
              <span>{formatAddress(a)}</span>
              <Button type="submit" look="secondary">
                {t("partner.share")}
              </Button>
            </ActionForm>
          ))}
          {mayChange ? (
            <ActionForm action={unlinkPartnerAction.bind(null, personId)} label={t("partner.unlink")} messageAt="bottom">
              <ConfirmButton look="secondary" question={t("partner.unlinkConfirm", { name: partner.name })} detail="">
                {t("partner.unlink")}
              </ConfirmButton>
            </ActionForm>
          ) : (
            <p role="note" className="text-sm text-slate-600">
              {t("partner.outsideViewRights")}
            </p>
          )}
        </div>
      ) : (
        <EmptyState small className="mb-3">
          {t("partner.none")}
        </EmptyState>
      )}
      {mayChange && (
        <ActionForm action={linkPartnerAction.bind(null, personId)} className="mt-3 grid gap-3 sm:grid-cols-[2fr_auto] sm:items-end" label={t("partner.link")}>
          <PersonPicker label={t("partner.ref")} name="partner" id="partner-ref" purpose="partner" required texts={personPickerTexts(t)} />
          <SubmitButton>{t("partner.link")}</SubmitButton>
          <CheckboxField label={t("partner.mayEditLabel")} name="mayEdit" id="partner-may-edit" defaultChecked={partner?.mayEdit ?? false} />
        </ActionForm>
      )}
    </Card>
  );
}
