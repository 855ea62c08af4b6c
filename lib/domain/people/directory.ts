import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { addresses, addressHolders, membershipStatuses, people, profiles, profileStudies } from "@/lib/db/schema";
import { formatAddress } from "./address-service";
import { visibleProfile, type Viewer } from "./visibility";

export interface ProfileFieldValues {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  company: string | null;
  jobTitle: string | null;
  studies: { field: string; startYear: number | null; endYear: number | null }[];
  interests: string | null;
  photo: string | null;
  partner: number | null;
}

export interface DirectoryEntry {
  personId: number;
  memberNumber: number | null;
  fields: Partial<ProfileFieldValues>;
}

async function loadEntries(db: Db, viewer: Viewer, personIds: number[] | null, onlyDirectory: boolean): Promise<DirectoryEntry[]> {
  const conditions = [isNull(people.erasedAt)];
  if (onlyDirectory) conditions.push(eq(membershipStatuses.inDirectory, true));
  if (personIds) conditions.push(inArray(people.id, personIds.length ? personIds : [-1]));
  const rows = await db
    .select({ p: people, profile: profiles })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(...conditions))
    .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(people.id));
  const ids = rows.map((r) => r.p.id);
  const studies = ids.length ? await db.select().from(profileStudies).where(inArray(profileStudies.personId, ids)).orderBy(asc(profileStudies.id)) : [];
  const mains = ids.length
    ? await db.select({ personId: addressHolders.personId, a: addresses }).from(addressHolders).innerJoin(addresses, eq(addresses.id, addressHolders.addressId)).where(and(inArray(addressHolders.personId, ids), eq(addressHolders.isMain, true)))
    : [];
  return rows
    .map(({ p, profile }) => {
      const main = mains.find((m) => m.personId === p.id);
      const values: ProfileFieldValues = {
        name: `${profile.firstName} ${profile.lastName}`.trim(),
        email: profile.email,
        phone: profile.phone,
        address: main ? formatAddress(main.a) : null,
        company: profile.company,
        jobTitle: profile.jobTitle,
        studies: studies.filter((s) => s.personId === p.id).map(({ field, startYear, endYear }) => ({ field, startYear, endYear })),
        interests: profile.interests,
        photo: profile.photoPath,
        partner: profile.partnerPersonId,
      };
      const fields = visibleProfile(viewer, { personId: p.id, partnerPersonId: profile.partnerPersonId, visibility: profile.visibility, boardOnly: profile.boardOnly, values });
      return { personId: p.id, memberNumber: fields.name !== undefined ? p.memberNumber : null, fields };
    })
    .filter((e) => e.fields.name !== undefined);
}

/** The member directory: people whose status appears there, each showing only what this viewer may see. */
export async function listDirectory(db: Db, viewer: Viewer): Promise<DirectoryEntry[]> {
  return loadEntries(db, viewer, null, true);
}

/** One person as this viewer may see them; null when the viewer may not even see the name. */
export async function viewPerson(db: Db, viewer: Viewer, personId: number): Promise<DirectoryEntry | null> {
  const isSelfOrBoard = viewer.personId === personId || viewer.permissions.has("members.read");
  const [entry] = await loadEntries(db, viewer, [personId], !isSelfOrBoard);
  return entry ?? null;
}
