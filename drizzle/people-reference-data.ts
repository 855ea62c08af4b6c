import type { Db } from "@/lib/db/client";
import { addressTypes, membershipTypes } from "@/lib/db/schema";

/** Starting address and membership types; only inserted while the table is empty, so admin edits stay. */
export async function ensurePeopleReferenceData(db: Db): Promise<void> {
  if ((await db.select({ id: addressTypes.id }).from(addressTypes).limit(1)).length === 0) {
    await db.insert(addressTypes).values([
      { key: "home", name: "Home", sortOrder: 0 },
      { key: "work", name: "Work", sortOrder: 10 },
      { key: "study", name: "Study", sortOrder: 20 },
    ]);
  }
  if ((await db.select({ id: membershipTypes.id }).from(membershipTypes).limit(1)).length === 0) {
    await db.insert(membershipTypes).values([
      { key: "regular", name: "Regular", feeCents: 2500, billingPeriod: "monthly", sortOrder: 0 },
      { key: "student", name: "Student", feeCents: 1200, billingPeriod: "monthly", sortOrder: 10 },
      { key: "partner", name: "Partner rate", feeCents: 1800, billingPeriod: "monthly", partnerRate: true, sortOrder: 20 },
      { key: "honorary", name: "Honorary", feeCents: 0, billingPeriod: "none", sortOrder: 30 },
    ]);
  }
}
