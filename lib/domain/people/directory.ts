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
  // By person, so each row finds its own in one step (a scan per row was quadratic: 10,000 people took seconds).
  const mainOf = new Map(mains.map((m) => [m.personId, m.a]));
  const studiesByPerson = new Map<number, ProfileFieldValues["studies"]>();
  for (const { personId, field, startYear, endYear } of studies) {
    const list = studiesByPerson.get(personId) ?? [];
    if (!list.length) studiesByPerson.set(personId, list);
    list.push({ field, startYear, endYear });
  }
  const keyed = rows
    .map(({ p, profile }) => {
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
  // One entry more than asked tells whether another page follows. Each further read is four times as long (up to
  // 10,000 rows): a visitor sees few names among thousands, and reading on in pages of `limit` took hundreds of
  // queries (at 10,000 people: 61, 244, 976, 3,904, then the rest).
  for (let size = page.limit + 1; found.length <= page.limit; size = Math.min(size * 4, Math.max(10_000, page.limit + 1))) {
    const batch = await loadEntries(db, viewer, null, true, { after, limit: size });
    found.push(...batch.keyed);
    if (batch.scanned < size) break;
    after = batch.lastKey;
  }
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
  const [found] = (await loadEntries(db, viewer, [personId], !isSelfOrBoard)).keyed;
  return found?.entry ?? null;
}
