import { ActionForm } from "@/components/forms/action-form";
import type { AddressType } from "@/lib/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { formatAddress, mayEditAddress, type PersonAddress } from "@/lib/domain/people/address-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { AddressEditForm } from "@/components/people/address-edit-form";
import { AddressAddForm } from "@/components/people/address-add-form";
import { addOwnAddressAction, ownAddressAction } from "./actions";
import { updateAddressAction } from "./address-edit-actions";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** My addresses: list with "edit" / "make main" / "remove", and a form to add one. */
export async function AddressForms({ addresses, types }: { addresses: PersonAddress[]; types: AddressType[] }) {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  // A row shared with a partner is editable here only where the admin allowed partners to edit shared data.
  const editable = new Set<number>();
  for (const a of addresses) if (user && (a.sharedWith.length === 0 || (await mayEditAddress(getDb(), user.personId, a.addressId)))) editable.add(a.addressId);
  return (
    <div className="space-y-4">
      {addresses.length === 0 ? (
        <EmptyState>{t("address.none")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {addresses.map((a) => (
            <li key={a.addressId} className="flex flex-wrap items-center gap-3 py-2">
              <span className="text-sm text-slate-500">{a.typeName}</span>
              <span className="flex-1">{formatAddress(a)}</span>
              {a.isMain ? (
                <span className="text-sm font-medium text-emerald-800">{t("address.main")}</span>
              ) : (
                <ActionForm action={ownAddressAction} label={t("address.makeMain")} messageAt="bottom">
                  <input type="hidden" name="addressId" value={a.addressId} />
                  <input type="hidden" name="op" value="main" />
                  <Button type="submit" look="secondary">
                    {t("address.makeMain")}
                  </Button>
                </ActionForm>
              )}
              <ActionForm action={ownAddressAction} label={t("address.remove")} messageAt="bottom">
                <input type="hidden" name="addressId" value={a.addressId} />
                <input type="hidden" name="op" value="remove" />
                <ConfirmButton look="secondary" question={t("address.removeConfirm", { address: formatAddress(a) })}>
                  {t("address.remove")}
                </ConfirmButton>
              </ActionForm>
              {editable.has(a.addressId) ? (
                <AddressEditForm t={t} address={a} action={updateAddressAction} />
              ) : (
                <p className="w-full text-sm text-slate-600">{t("address.sharedLocked")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddressAddForm t={t} types={types} action={addOwnAddressAction} />
    </div>
  );
}
