import type { Db } from "@/lib/db/client";
import type { EquipmentType } from "@/lib/db/schema";
import { personInViewScope, type ViewScope } from "../access/view-rights";
import { getMemberOverview } from "../people/member-overview";
import { nameShownTo, type NameViewer } from "../people/shown-names";
import { listAuthorizationsOfPerson, type AuthorizationRecord } from "./authorization-service";
import { listEquipmentTypes } from "./equipment-type-service";

export interface PersonEquipmentPage {
  /** The person as this viewer may see the name (nameShownTo), "#id" where hidden. */
  name: string;
  /** Every authorization record of the person (current, expired, revoked). */
  records: AuthorizationRecord[];
  /** The equipment types the grant form offers. */
  types: EquipmentType[];
}

/**
 * What a person's equipment page (/admin/equipment/people/[id]) shows, all of it from here. Null: no such person, or
 * one outside the viewer's view rights (not found, as on the admin person page): nothing of theirs is handed out.
 * Read together, none waiting for another.
 */
export async function personEquipmentPage(db: Db, viewer: NameViewer & { viewScope: ViewScope }, personId: number): Promise<PersonEquipmentPage | null> {
  const [person, inScope, name, records, types] = await Promise.all([
    getMemberOverview(db, personId),
    personInViewScope(db, viewer.viewScope, personId),
    nameShownTo(db, viewer, personId),
    listAuthorizationsOfPerson(db, personId),
    listEquipmentTypes(db),
  ]);
  if (!person || !inScope) return null;
  return { name: name ?? `#${personId}`, records, types };
}
