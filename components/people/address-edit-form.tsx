import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/ui/field";
import { formatAddress, type PersonAddress } from "@/lib/domain/people/address-service";
import type { Translate } from "@/lib/i18n/translate";

/**
 * Inline edit of one address (closed until opened). personId is set on the admin person page; on /profile the
 * action edits the member's own address. Ids carry the address id: several of these forms share one page.
 */
export function AddressEditForm({ t, address, personId, action }: { t: Translate; address: PersonAddress; personId?: number; action: FormAction }) {
  const id = (field: string) => `address-${address.addressId}-${field}`;
  const label = t("address.editOf", { address: formatAddress(address) });
  return (
    <details className="w-full">
      <summary className="cursor-pointer text-sm text-amber-800 hover:underline">{t("address.edit")}</summary>
      <ActionForm action={action} className="mt-2 grid gap-3 sm:grid-cols-2" label={label}>
        {personId !== undefined && <input type="hidden" name="personId" value={personId} />}
        <input type="hidden" name="addressId" value={address.addressId} />
        <TextField id={id("street")} label={t("address.street")} name="street" defaultValue={address.street} maxLength={200} autoComplete="street-address" />
        <TextField id={id("extra")} label={t("address.extra")} name="extra" defaultValue={address.extra} maxLength={200} />
        <TextField
          id={id("postalCode")}
          label={t("address.postalCode")}
          name="postalCode"
          defaultValue={address.postalCode}
          maxLength={20}
          autoComplete="postal-code"
        />
        <TextField id={id("city")} label={t("address.city")} name="city" defaultValue={address.city} maxLength={100} />
        <TextField id={id("country")} label={t("address.country")} name="country" defaultValue={address.country} maxLength={100} />
        {address.sharedWith.length > 0 && <p className="text-sm text-slate-600 sm:col-span-2">{t("address.sharedNote")}</p>}
        <div>
          <SubmitButton>{t("address.save")}</SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}
