import type { InventoryLocation } from "@/lib/db/schema";
import { LOCATION_KINDS } from "@/lib/domain/inventory/locations";
import type { Translate } from "@/lib/i18n/translate";
import { SelectField, TextField } from "@/components/ui/field";
import { LocationOptions } from "./location-options";
import { Button } from "@/components/ui/button";

/** Name, kind and parent of a location; the parent list offers every location (cycles are refused on save). */
export function LocationFormFields({
  t,
  locations,
  location,
  defaultParentId,
}: {
  t: Translate;
  locations: InventoryLocation[];
  location?: InventoryLocation;
  defaultParentId?: number;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField label={t("inv.location.name")} name="name" required maxLength={100} defaultValue={location?.name} />
      <SelectField label={t("inv.location.kind")} name="kind" defaultValue={location?.kind ?? "box"}>
        {LOCATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`inv.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("inv.location.parent")} name="parentId" defaultValue={location?.parentId ?? defaultParentId ?? ""}>
        <option value="">{t("inv.location.topLevel")}</option>
        <LocationOptions locations={locations} />
      </SelectField>
      <TextField label={t("inv.location.description")} name="description" maxLength={2000} defaultValue={location?.description} />
      <div>
        <Button type="submit">{t("inv.save")}</Button>
      </div>
    </div>
  );
}
