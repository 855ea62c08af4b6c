import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { addresses, addressHolders, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { scopeCondition, viewScopeOf } from "../access/view-rights";
import { spaceToday } from "../settings/space-today";
import { formatAddress } from "./address-service";
import { scopedViewer, visibleProfile, type Viewer } from "./visibility";
import { mayViewFieldSql, PROFILE_VISIBILITY } from "./visibility-sql";
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

interface Window {
  after?: DirectoryKey | null;
  limit?: number;
}

/**
 * The entries whose name this viewer may see, in the directory's order. The name's visibility (and the view rights
 * it depends on) is a condition in the query (visibility-sql.ts), so a page is one read of its own rows however few
 * names the viewer may see; the other fields are then cut by visibleProfile, the same rule in JS.
 */
async function loadEntries(
  db: Db,
  viewer: Viewer,
  personIds: number[] | null,
  onlyDirectory: boolean,
  window: Window = {},
): Promise<{ entry: DirectoryEntry; key: DirectoryKey }[]> {
  // Outside the groups a logged-in viewer holds view rights for (access/view-rights), a person shows them only
  // what they show everyone; their partner still sees them as a partner (visibility.ts scopedViewer).
  const [scope, today] = viewer.personId !== null ? await Promise.all([viewScopeOf(db, viewer.personId), spaceToday(db)]) : [null, ""];
  const inScope = scope && !scope.all ? scopeCondition(scope, today) : undefined;
  const conditions = [isNull(people.erasedAt), mayViewFieldSql(viewer, "name", PROFILE_VISIBILITY, { inScope })];
  if (onlyDirectory) conditions.push(eq(membershipStatuses.inDirectory, true));
  if (personIds) conditions.push(inArray(people.id, personIds.length ? personIds : [-1]));
  // Row comparison in the order of profiles_name_idx, so a page is an index range scan.
  if (window.after)
    conditions.push(sql`(${profiles.lastName}, ${profiles.firstName}, ${profiles.personId}) > (${window.after[0]}, ${window.after[1]}, ${window.after[2]})`);
  const query = db
    .select({ p: people, profile: profiles, inScope: inScope ? sql<boolean>`coalesce(${inScope}, false)` : sql<boolean>`true` })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(...conditions))
    .orderBy(asc(profiles.lastName), asc(profiles.firstName), asc(profiles.personId));
  const rows = window.limit ? await query.limit(window.limit) : await query;
  const ids = rows.map((r) => r.p.id);
  const [studies, mains] = await Promise.all([
    studiesOf(db, ids),
    ids.length
      ? db
          .select({ personId: addressHolders.personId, a: addresses })
          .from(addressHolders)
          .innerJoin(addresses, eq(addresses.id, addressHolders.addressId))
          .where(and(inArray(addressHolders.personId, ids), eq(addressHolders.isMain, true)))
      : [],
  ]);
  // By person, so each row finds its own in one step (a scan per row was quadratic: 10,000 people took seconds).
  const mainOf = new Map(mains.map((m) => [m.personId, m.a]));
  const studiesByPerson = new Map<number, ProfileFieldValues["studies"]>();
  for (const { personId, field, startYear, endYear } of studies) {
    const list = studiesByPerson.get(personId) ?? [];
    if (!list.length) studiesByPerson.set(personId, list);
    list.push({ field, startYear, endYear });
  }
  return rows
    .map(({ p, profile, inScope: within }) => {
      const main = mainOf.get(p.id);
      const values: ProfileFieldValues = {
        name: `${profile.firstName} ${profile.lastName}`.trim(),
        email: profile.email,
        phone: profile.phone,
        address: main ? formatAddress(main) : null,
        company: profile.company,
        jobTitle: profile.jobTitle,
        studies: studiesByPerson.get(p.id) ?? [],
        interests: profile.interests,
        photo: profile.photoPath,
        partner: profile.partnerPersonId,
      };
      const settings = { personId: p.id, partnerPersonId: profile.partnerPersonId, visibility: profile.visibility, boardOnly: profile.boardOnly };
      const fields = visibleProfile(scopedViewer(viewer, settings, within), { ...settings, values });
      const entry: DirectoryEntry = { personId: p.id, memberNumber: fields.name !== undefined ? p.memberNumber : null, fields };
      return { entry, key: [profile.lastName, profile.firstName, p.id] as DirectoryKey };
    })
    .filter((e) => e.entry.fields.name !== undefined); // the query asked the same; never show a name the rule hides
}

/**
 * One page of the member directory (people whose status appears there) in its order: up to `limit` entries whose
 * name this viewer may see, after `after`, each showing only the fields the viewer may see. `next` is where the
 * following page starts (null at the end). The directory page, the people list and the API's /members page it.
 */
export async function listDirectoryPage(
  db: Db,
  viewer: Viewer,
  page: { after: DirectoryKey | null; limit: number },
): Promise<{ entries: DirectoryEntry[]; next: DirectoryKey | null }> {
  // One entry more than asked tells whether another page follows.
  const found = await loadEntries(db, viewer, null, true, { after: page.after, limit: page.limit + 1 });
  const shown = found.slice(0, page.limit);
  return { entries: shown.map((k) => k.entry), next: found.length > page.limit ? shown.at(-1)!.key : null };
}

/** A directory key as it travels in a page's address (`?after=…`): base64url JSON. */
export function directoryKeyParam(key: DirectoryKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The key from a page's address; anything else (made up, damaged) is the first page. */
export function parseDirectoryKeyParam(param: string | undefined): DirectoryKey | null {
  if (!param) return null;
  try {
    const k: unknown = JSON.parse(Buffer.from(param, "base64url").toString("utf8"));
    if (Array.isArray(k) && k.length === 3 && typeof k[0] === "string" && typeof k[1] === "string" && Number.isSafeInteger(k[2])) return k as DirectoryKey;
  } catch {
    // not JSON: the first page
  }
  return null;
}

/** One person as this viewer may see them; null when the viewer may not even see the name. */
export async function viewPerson(db: Db, viewer: Viewer, personId: number): Promise<DirectoryEntry | null> {
  const isSelfOrBoard = viewer.personId === personId || viewer.permissions.has("members.read");
  const [found] = await loadEntries(db, viewer, [personId], !isSelfOrBoard);
  return found?.entry ?? null;
}
