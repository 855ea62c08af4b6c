import type { Permission } from "../access/permissions";

/** Who may see a profile field. Ordered: each level also sees everything below it. */
export const AUDIENCES = ["public", "members", "board"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const VISIBILITY_FIELDS = ["name", "email", "phone", "address", "company", "jobTitle", "studies", "interests", "photo", "partner"] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];

/** Privacy by default: contact data for the board, the rest for fellow members. */
export const DEFAULT_VISIBILITY: Record<VisibilityField, Audience> = {
  name: "members",
  email: "board",
  phone: "board",
  address: "board",
  company: "members",
  jobTitle: "members",
  studies: "members",
  interests: "members",
  photo: "members",
  partner: "members",
};

export interface Viewer {
  /** null: not logged in */
  personId: number | null;
  permissions: ReadonlySet<Permission>;
}

export interface VisibilitySettings {
  personId: number;
  partnerPersonId: number | null;
  visibility: Record<string, string>;
  boardOnly: boolean;
}

export type ViewerKind = "self" | "board" | "partner" | "member" | "anonymous";

/** Which kind of viewer this is for this person: self and board see everything a partner or member may not. */
export function viewerKind(viewer: Viewer, person: VisibilitySettings): ViewerKind {
  if (viewer.personId !== null && viewer.personId === person.personId) return "self";
  if (viewer.permissions.has("members.read")) return "board";
  if (viewer.personId !== null && viewer.personId === person.partnerPersonId) return "partner";
  if (viewer.permissions.has("directory.read")) return "member";
  return "anonymous";
}

/** A viewer sees a field when their rank reaches the field's audience (visibility-sql.ts builds the same in SQL). */
export const RANK: Record<Audience, number> = { public: 0, members: 1, board: 2 };
export const VIEWER_RANK: Record<ViewerKind, number> = { anonymous: 0, member: 1, partner: 1, board: 2, self: 3 };

function isAudience(value: unknown): value is Audience {
  return typeof value === "string" && (AUDIENCES as readonly string[]).includes(value);
}

/** The audience a person chose for a field, capped at board level when they asked for "only the board". */
export function fieldAudience(person: VisibilitySettings, field: VisibilityField): Audience {
  const chosen = person.visibility[field];
  const audience = isAudience(chosen) ? chosen : DEFAULT_VISIBILITY[field];
  return person.boardOnly ? "board" : audience;
}

export function mayViewField(viewer: Viewer, person: VisibilitySettings, field: VisibilityField): boolean {
  return VIEWER_RANK[viewerKind(viewer, person)] >= RANK[fieldAudience(person, field)];
}

const ANONYMOUS: Viewer = { personId: null, permissions: new Set() };

/**
 * The viewer towards a person outside or inside the groups the viewer may see (view rights, access/view-rights):
 * outside, a person shows them only what they show everyone; their partner still sees them as a partner.
 */
export function scopedViewer(viewer: Viewer, person: Pick<VisibilitySettings, "partnerPersonId">, inScope: boolean): Viewer {
  return inScope || (viewer.personId !== null && person.partnerPersonId === viewer.personId) ? viewer : ANONYMOUS;
}

export type ProfileValues = { [F in VisibilityField]?: unknown };

/**
 * THE visibility rule: what of a person's profile this viewer may see. Fields the viewer may not see are left
 * out (not blanked), so a page cannot show them by accident. The directory and person pages all use this.
 */
export function visibleProfile<T extends ProfileValues>(viewer: Viewer, person: VisibilitySettings & { values: T }): Partial<T> {
  const out: Partial<T> = {};
  for (const field of VISIBILITY_FIELDS) {
    if (field in person.values && mayViewField(viewer, person, field)) out[field] = person.values[field];
  }
  return out;
}

/** Only known fields and audiences are stored; anything else a form sends is dropped. */
export function cleanVisibility(input: Record<string, unknown>): Record<VisibilityField, Audience> {
  const out = { ...DEFAULT_VISIBILITY };
  for (const field of VISIBILITY_FIELDS) if (isAudience(input[field])) out[field] = input[field];
  return out;
}
