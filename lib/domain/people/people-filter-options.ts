import type { Db } from "@/lib/db/client";
import type { ViewScope } from "../access/view-rights";
import { listEquipmentTypes } from "../equipment/equipment-type-service";
import { committeeNames } from "./committee-service";
import { listMembershipTypes, listStatuses } from "./reference-service";
import { listStudyFields } from "./study-fields";
import { countWaitingApplications } from "./waiting-applications";

/**
 * What the people list (/admin/people) offers above its table on every request: the filter's short lists and the
 * number of applications waiting (within the viewer's view rights). Each statement is prepared (one round trip on the embedded database, not two) and
 * they are sent together.
 */
export async function peopleFilterOptions(db: Db, scope: ViewScope) {
  const [statuses, types, committees, equipment, waiting, studyFields] = await Promise.all([
    listStatuses(db),
    listMembershipTypes(db),
    committeeNames(db),
    listEquipmentTypes(db),
    countWaitingApplications(db, scope),
    listStudyFields(db, { includeRetired: true }),
  ]);
  return { statuses, types, committees, equipment, waiting, studyFields };
}
