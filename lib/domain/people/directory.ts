import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { addresses, addressHolders, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { viewScopeOf, visibleInScope } from "../access/view-rights";
import { formatAddress } from "./address-service";
import { visibleProfile, type Viewer } from "./visibility";
import { studiesOf } from "./study-fields";

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

/** Where a directory page starts: after this (last name, first name, person id) in the directory's order. */
export type DirectoryKey = [lastName: string, firstName: string, personId: number];

const ANONYMOUS: Viewer = { personId: null, permissions: new Set() };

interface Window {
  after?: DirectoryKey | null;
  limit?: number;
}

interface Loaded {
  /** The entries whose name the viewer may see, each with its place in the order. */
  keyed: { entry: DirectoryEntry; key: DirectoryKey }[];
  /** Rows read, seen or not: fewer than the limit means the end was reached. */
  scanned: number;
  lastKey: DirectoryKey | null;
}

async function loadEntries(db: Db, viewer: Viewer, personIds: number[] | null, onlyDirectory: boolean, window: Window = {}): Promise<Loaded> {
  const conditions = [isNull(people.erasedAt)];
  if (onlyDirectory) conditions.push(eq(membershipStatuses.inDirectory, true));
  if (personIds) conditions.push(inArray(people.id, personIds.length ? personIds : [-1]));
  // Row comparison in the order of profiles_name_idx, so a page is an index range scan.
  if (window.after)
    conditions.push(sql`(${profiles.lastName}, ${profiles.firstName}, ${profiles.personId}) > (${window.after[0]}, ${window.after[1]}, ${window.after[2]})`);
  const query = db
    .select({ p: people, profile: profiles })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(...conditions))
    .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(profiles.personId));
  const rows = window.limit ? await query.limit(window.limit) : await query;
  const ids = rows.map((r) => r.p.id);
  // Outside the groups a logged-in viewer holds view rights for (access/view-rights), a person shows them only
  // what they show everyone; their partner still sees them as a partner.
  const scope = viewer.personId !== null ? await viewScopeOf(db, viewer.personId) : null;
  const inScope = scope && !scope.all ? await visibleInScope(db, scope, ids) : null;
  const viewerFor = (id: number, partner: number | null): Viewer => (inScope === null || inScope.has(id) || partner === viewer.personId ? viewer : ANONYMOUS);
  const studies = await studiesOf(db, ids);
  const mains = ids.length
    ? await db
        .select({ personId: addressHolders.personId, a: addresses })
        .from(addressHolders)
        .innerJoin(addresses, eq(addresses.id, addressHolders.addressId))
        .where(and(inArray(addressHolders.personId, ids), eq(addressHolders.isMain, true)))
    : [];
  const keyed = rows
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
      const fields = visibleProfile(viewerFor(p.id, profile.partnerPersonId), {
        personId: p.id,
        partnerPersonId: profile.partnerPersonId,
        visibility: profile.visibility,
        boardOnly: profile.boardOnly,
        values,
      });
      const entry: DirectoryEntry = { personId: p.id, memberNumber: fields.name !== undefined ? p.memberNumber : null, fields };
      return { entry, key: [profile.lastName, profile.firstName, p.id] as DirectoryKey };
    })
    .filter((e) => e.entry.fields.name !== undefined);
  const last = rows.at(-1);
  return { keyed, scanned: rows.length, lastKey: last ? [last.profile.lastName, last.profile.firstName, last.p.id] : null };
}

/** The member directory: people whose status appears there, each showing only what this viewer may see. */
export async function listDirectory(db: Db, viewer: Viewer): Promise<DirectoryEntry[]> {
  return (await loadEntries(db, viewer, null, true)).keyed.map((k) => k.entry);
}

/**
 * One page of the directory in its order, for the API: up to `limit` entries this viewer may see, after `after`.
 * `next` is where the following page starts (null at the end); entries whose name the viewer may not see are
 * skipped, so a page reads on until it is full.
 */
export async function listDirectoryPage(
  db: Db,
  viewer: Viewer,
  page: { after: DirectoryKey | null; limit: number },
): Promise<{ entries: DirectoryEntry[]; next: DirectoryKey | null }> {
  const found: Loaded["keyed"] = [];
  let after = page.after;
  // One entry more than asked tells whether another page follows.
  while (found.length <= page.limit) {
    const batch = await loadEntries(db, viewer, null, true, { after, limit: page.limit + 1 });
    found.push(...batch.keyed);
    if (batch.scanned < page.limit + 1) break;
    after = batch.lastKey;
  }
  const shown = found.slice(0, page.limit);
  return { entries: shown.map((k) => k.entry), next: found.length > page.limit ? shown.at(-1)!.key : null };
}

/** One person as this viewer may see them; null when the viewer may not even see the name. */
export async function viewPerson(db: Db, viewer: Viewer, personId: number): Promise<DirectoryEntry | null> {
  const isSelfOrBoard = viewer.personId === personId || viewer.permissions.has("members.read");
  const [found] = (await loadEntries(db, viewer, [personId], !isSelfOrBoard)).keyed;
  return found?.entry ?? null;
}
