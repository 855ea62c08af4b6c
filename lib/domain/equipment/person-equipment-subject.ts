import type { Db } from "@/lib/db/client";
import { personInViewScope, type ViewScope } from "../access/view-rights";
import { getMemberOverview } from "../people/member-overview";
import { nameShownTo, type NameViewer } from "../people/shown-names";

/**
 * The person an equipment page (/admin/equipment/people/[id]) is about, named as this viewer may see the name
 * (nameShownTo; "#id" where hidden). Null: no such person, or one outside the viewer's view rights (not found, as
 * on the admin person page).
 */
export async function personEquipmentSubject(db: Db, viewer: NameViewer & { viewScope: ViewScope }, personId: number): Promise<{ name: string } | null> {
  const [person, inScope, name] = await Promise.all([
    getMemberOverview(db, personId),
    personInViewScope(db, viewer.viewScope, personId),
    nameShownTo(db, viewer, personId),
  ]);
  if (!person || !inScope) return null;
  return { name: name ?? `#${personId}` };
}
