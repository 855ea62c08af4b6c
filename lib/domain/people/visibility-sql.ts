import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { profiles } from "@/lib/db/schema";
import { AUDIENCES, DEFAULT_VISIBILITY, RANK, VIEWER_RANK, VISIBILITY_FIELDS, type Audience, type Viewer, type VisibilityField } from "./visibility";

/**
 * The visibility rule of visibility.ts (`mayViewField`) as a condition in SQL, derived from the same tables (the
 * audiences' ranks, the viewers' ranks, the defaults), so lists filter and page in the database instead of loading
 * everyone to drop what the viewer may not see. visibility-sql.int.test.ts proves both give the same answer for
 * every field × setting × "only the board" × relation × view rights × viewer.
 *
 * The condition asks about the stored values directly ("the name's setting is public and not only the board"),
 * not about a computed rank, so the planner can use statistics and a partial index on those values
 * (profiles_public_name_idx: the visitor's people list). Field names and audiences are our own constants and are
 * written into the SQL as literals; the viewer's id is a parameter.
 */

/** The columns the rule reads; by default the profile's own. */
export interface VisibilityColumns {
  personId: AnyPgColumn | SQL;
  partnerPersonId: AnyPgColumn | SQL;
  visibility: AnyPgColumn | SQL;
  boardOnly: AnyPgColumn | SQL;
}

export const PROFILE_VISIBILITY: VisibilityColumns = {
  personId: profiles.personId,
  partnerPersonId: profiles.partnerPersonId,
  visibility: profiles.visibility,
  boardOnly: profiles.boardOnly,
};

const quoted = (word: string) => sql.raw(`'${word}'`);
const TOP = Math.max(...AUDIENCES.map((a) => RANK[a]));
const TRUE = sql`true`;

/** Does a viewer of this rank reach the audience the person chose for the field (fieldAudience)? */
function rankReaches(rank: number, field: VisibilityField, cols: VisibilityColumns): SQL {
  if (!VISIBILITY_FIELDS.includes(field)) throw new Error(`not a visibility field: ${String(field)}`);
  if (rank >= TOP) return TRUE;
  const setting = sql`(${cols.visibility} ->> ${quoted(field)})`;
  const reached = AUDIENCES.filter((a: Audience) => RANK[a] <= rank);
  const arms: SQL[] = [];
  // Each arm true or false, never null (a JSON null or a missing key reads as null), so the whole may be negated.
  if (reached.length) arms.push(sql`(${setting} is not null and ${setting} in (${sql.join(reached.map(quoted), sql`, `)}))`);
  // No setting, or a word that is no audience: the field's default.
  if (RANK[DEFAULT_VISIBILITY[field]] <= rank) arms.push(sql`(${setting} is null or ${setting} not in (${sql.join(AUDIENCES.map(quoted), sql`, `)}))`);
  const chosen = arms.length ? sql`(${sql.join(arms, sql` or `)})` : sql`false`;
  // "Only the board" caps every field at the board's audience.
  return rank >= RANK.board ? sql`(${cols.boardOnly} or ${chosen})` : sql`(not ${cols.boardOnly} and ${chosen})`;
}

/** What the viewer's permissions alone make them (viewerKind without self and partner). */
function permissionRank(viewer: Viewer): number {
  if (viewer.permissions.has("members.read")) return VIEWER_RANK.board;
  if (viewer.permissions.has("directory.read")) return VIEWER_RANK.member;
  return VIEWER_RANK.anonymous;
}

/**
 * Do the viewer's view rights (access/view-rights) change what they see? Only when their permissions make them more
 * than anonymous: outside their groups they are anonymous, inside themselves; oneself and a partner are never
 * narrowed. A caller may then leave reading the viewer's scope out.
 */
export function mindsViewRights(viewer: Viewer): boolean {
  return permissionRank(viewer) > VIEWER_RANK.anonymous;
}

/**
 * Does this viewer see every profile's `field` whatever its settings (their permissions reach the top audience, so
 * mayViewFieldSql is `true` for every profile)? A list may then order by the stored columns, which an index serves,
 * and leave the rule out of its SQL.
 */
export function seesEveryProfile(viewer: Viewer, field: VisibilityField): boolean {
  return rankReaches(permissionRank(viewer), field, PROFILE_VISIBILITY) === TRUE;
}

export interface ViewerSqlOptions {
  /**
   * The people the viewer sees with their own rights (view rights, access/view-rights `scopeCondition`); anyone else
   * shows them only what they show everyone, except their partner (visibility.ts scopedViewer). Leave out when the
   * viewer sees every group.
   */
  inScope?: SQL;
}

/** May this viewer see this field of the person in the row (mayViewField, or scopedViewer then mayViewField), as a condition. */
export function mayViewFieldSql(viewer: Viewer, field: VisibilityField, cols: VisibilityColumns = PROFILE_VISIBILITY, options: ViewerSqlOptions = {}): SQL {
  const own = permissionRank(viewer);
  // Outside the view rights the viewer is anonymous; inside (or without view rights to mind), their own rank.
  const asThemselves = rankReaches(own, field, cols);
  const arms: SQL[] = options.inScope
    ? [sql`(coalesce(${options.inScope}, false) and ${asThemselves})`, rankReaches(VIEWER_RANK.anonymous, field, cols)]
    : [asThemselves];
  if (viewer.personId !== null) {
    // Oneself sees everything; a partner sees as a partner, or as what their permissions make them if that is more.
    if (VIEWER_RANK.self < TOP) throw new Error("self must see every audience");
    arms.unshift(sql`${cols.personId} = ${viewer.personId}`);
    arms.push(sql`(${cols.partnerPersonId} is not distinct from ${viewer.personId} and ${rankReaches(Math.max(own, VIEWER_RANK.partner), field, cols)})`);
  }
  return arms.length === 1 ? arms[0]! : sql`(${sql.join(arms, sql` or `)})`;
}
