import type { Db } from "@/lib/db/client";
import { listEquipmentTypes } from "../equipment/equipment-type-service";
import { committeeNames } from "./committee-service";
import { listMembershipTypes, listStatuses } from "./reference-service";
import { listStudyFields } from "./study-fields";
import { countWaitingApplications } from "./waiting-applications";

/**
 * What the people list (/admin/people) offers above its table on every request: the filter's short lists and the
 * number of applications waiting. Each statement is prepared (one round trip on the embedded database, not two) and
 * they are sent together.
 */
export async function peopleFilterOptions(db: Db) {
  const [statuses, types, committees, equipment, waiting, studyFields] = await Promise.all([
    listStatuses(db),
    listMembershipTypes(db),
    committeeNames(db),
    listEquipmentTypes(db),
    countWaitingApplications(db),
    listStudyFields(db, { includeRetired: true }),
  ]);
  return { statuses, types, committees, equipment, waiting, studyFields };
}
