import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { people, profiles } from "@/lib/db/schema";
import { viewScopeOf, type ViewScope } from "../access/view-rights";
import { inScopeOf } from "./person-match";
import type { Viewer, VisibilityField } from "./visibility";
import { mayViewFieldSql, mindsViewRights, PROFILE_VISIBILITY, seesEveryProfile } from "./visibility-sql";

/** Someone not logged in: sees only what people chose to show the public. */
export const ANONYMOUS_VIEWER: Viewer = { personId: null, permissions: new Set() };

/** A viewer, with the groups their view rights reach when the caller has them (the session carries them). */
export type NameViewer = Viewer & { viewScope?: ViewScope };

/**
 * The groups this viewer sees with their own rights: the scope they carry, else read (only where it can change what
 * they see, mindsViewRights); undefined: every group.
 */
export async function viewersScope(db: Db, viewer: NameViewer): Promise<ViewScope | undefined> {
  if (viewer.viewScope) return viewer.viewScope;
  if (viewer.personId === null || !mindsViewRights(viewer)) return undefined;
  return viewScopeOf(db, viewer.personId);
}

/**
 * namesShownTo's rule as a condition on a row of `profiles` joined to `people`, for a viewer whose own groups are
 * `inScope` (inScopeOf; undefined: every group): for statements that read names beside other data (a history's
 * names, the audit log's actors and subjects), so each obeys the one rule. `true` for a viewer who sees every name.
 */
export function nameSight(viewer: Viewer, inScope: SQL | undefined): SQL {
  return fieldSight(viewer, "name", inScope);
}

/** nameSight for any profile field: may the viewer see this field of the person in the row (the history's recorded values). */
export function fieldSight(viewer: Viewer, field: VisibilityField, inScope: SQL | undefined): SQL {
  return seesEveryProfile(viewer, field) && !inScope ? sql`true` : mayViewFieldSql(viewer, field, PROFILE_VISIBILITY, { inScope });
}

/**
 * The names this viewer may see, by person id: THE rule for every name shown outside the people pages (bookings,
 * news authors, event contacts, poll voters, who uses a machine, lenders and borrowers, feeds). A name appears
 * only where that person's visibility for "name" reaches the viewer (visibility.ts: public, members or board, or
 * "only the board"), within the groups the viewer's view rights reach (outside them, only a name shown to everyone):
 * the people picker's rule (person-match.ts `peopleSearch`, the same `mayViewFieldSql`), so a name the picker hid is
 * not shown after picking. Erased people have none. Ids left out of the map: show no name.
 */
export async function namesShownTo(db: Db, viewer: NameViewer | null, personIds: Iterable<number | null | undefined>): Promise<Map<number, string>> {
  const ids = [...new Set([...personIds].filter((id): id is number => typeof id === "number"))];
  const shown = new Map<number, string>();
  if (ids.length === 0) return shown;
  const who = viewer ?? ANONYMOUS_VIEWER;
  const inScope = await inScopeOf(db, await viewersScope(db, who));
  const rows = await db
    .select({ personId: profiles.personId, first: profiles.firstName, last: profiles.lastName })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .where(and(inArray(profiles.personId, ids), isNull(people.erasedAt), nameSight(who, inScope)));
  for (const r of rows) {
    const name = `${r.first} ${r.last}`.trim();
    if (name) shown.set(r.personId, name);
  }
  return shown;
}
/** A row of a working list (participants, registrants, usage) stays usable when its person hides the name: "#id". */
export function shownNameOr(names: ReadonlyMap<number, string>, personId: number): string {
  return names.get(personId) ?? `#${personId}`;
}

/**
 * Rows of a working list (usage sessions) with the personName the viewer may see: the name, "#id" when hidden,
 * "—" when the row has no person (anonymised by the retention purge).
 */
export async function withShownNames<R extends { personId: number | null }>(db: Db, viewer: NameViewer, rows: R[]): Promise<(R & { personName: string })[]> {
  const names = await namesShownTo(
    db,
    viewer,
    rows.map((r) => r.personId),
  );
  return rows.map((r) => ({ ...r, personName: r.personId === null ? "—" : shownNameOr(names, r.personId) }));
}

/** One person's name as this viewer may see it, or null. */
export async function nameShownTo(db: Db, viewer: NameViewer | null, personId: number | null | undefined): Promise<string | null> {
  return personId ? ((await namesShownTo(db, viewer, [personId])).get(personId) ?? null) : null;
}
