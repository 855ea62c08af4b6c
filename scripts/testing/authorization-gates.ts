import type { Permission } from "@/lib/domain/access/permissions";

/**
 * Who may get past an action's or a route's check: anyone, any logged-in person, a holder of (any of) the
 * permission(s), or "credential": nobody by a session — it takes a token, a client secret or a sensor key (a
 * wrong one is any 4xx answer).
 */
export type Gate = "anyone" | "user" | "credential" | Permission | readonly Permission[];

/**
 * A hand-written action's gate, and when its form is parsed before the domain checks the permission, a form that
 * parses ("$machine": a machine's id), so the check is reached. Values of bound arguments: `args`.
 */
export interface ActionCase {
  gate: Gate;
  /** Roles let in by a rule beyond permissions, e.g. the demo trainer owns the first machine's type. */
  alsoLets?: readonly string[];
  form?: Record<string, string>;
  args?: unknown[];
}

const A = "app/(admin)/admin";
const M = "app/(member)";
const P = "app/(public)";

/**
 * Server actions not made by defineAction (which declares its caller): "file#export" → its case. Gates read from
 * the domain's checks; "user" where any logged-in person may call and the domain decides per row (own bookings,
 * own sign-ups) — those rules have their own int tests.
 */
export const ACTION_CASES: Record<string, ActionCase> = {
  [`${A}/cards/actions.ts#newMemberWithCardAction`]: {
    gate: "members.write",
    form: { uid: "a1b2c3d5", statusId: "999999", firstName: "X", lastName: "Y", email: "" },
  },
  [`${A}/cards/actions.ts#endCardAction`]: { gate: "members.write", form: { cardId: "999999", state: "lost" } },
  [`${A}/events/actions.ts#saveEventAction`]: { gate: "user" },
  [`${A}/import/fabomatic/actions.ts#applyFabomaticUploadAction`]: { gate: "system.admin" },
  [`${A}/people/[id]/access-actions.ts#setLoginEmailAction`]: { gate: "system.admin" },
  [`${A}/people/[id]/access-actions.ts#grantPersonRoleAction`]: { gate: "system.admin" },
  [`${A}/people/[id]/access-actions.ts#endPersonRoleAction`]: { gate: "system.admin" },
  [`${A}/people/[id]/invitation-actions.ts#invitePersonAction`]: { gate: "members.write" },
  [`${A}/people/[id]/invitation-actions.ts#revokeInvitationAction`]: { gate: "members.write" },
  [`${A}/people/[id]/partner-actions.ts#partnerAction`]: { gate: "members.write" },
  [`${A}/people/actions.ts#createPersonAction`]: { gate: "members.write" },
  [`${A}/people/actions.ts#updatePersonAction`]: { gate: "members.write" },
  [`${A}/people/actions.ts#changeStatusAction`]: { gate: "members.write" },
  [`${A}/people/actions.ts#addMembershipAction`]: { gate: "members.write" },
  [`${A}/people/actions.ts#erasePersonAction`]: { gate: "members.write" },
  [`${A}/people/applicants/actions.ts#approveApplicantAction`]: { gate: "members.write" },
  [`${A}/people/applicants/actions.ts#rejectApplicantAction`]: { gate: "members.write" },
  [`${A}/people/import/actions.ts#peopleImportAction`]: { gate: "members.write" },
  [`${A}/people/invite/actions.ts#inviteBatchAction`]: { gate: "members.write", args: [{ statusId: null, cursor: 0 }] },
  [`${M}/things/import/actions.ts#importAction`]: { gate: "inventory.write" },
  [`${P}/email-change/confirm/actions.ts#confirmEmailChangeAction`]: { gate: "anyone" },
  [`${P}/events/[id]/actions.ts#registerAction`]: { gate: "user" },
  [`${P}/events/[id]/actions.ts#unregisterAction`]: { gate: "user" },
  [`${P}/events/[id]/actions.ts#guestRegisterAction`]: { gate: "anyone" },
  [`${P}/events/[id]/actions.ts#setCancelledAction`]: { gate: "calendar.write" },
  [`${P}/events/confirm/[token]/actions.ts#confirmGuestAction`]: { gate: "anyone" },
  [`${P}/forgot-password/actions.ts#forgotPasswordAction`]: { gate: "anyone" },
  [`${P}/invitation/[token]/actions.ts#acceptInvitationAction`]: { gate: "anyone" },
  [`${P}/invitation/[token]/actions.ts#renewInvitationAction`]: { gate: "anyone" },
  [`${P}/login/actions.ts#loginAction`]: { gate: "anyone" },
  [`${P}/login/actions.ts#resendConfirmationAction`]: { gate: "anyone" },
  [`${P}/oidc/authorize/actions.ts#allowAction`]: { gate: "user" },
  [`${P}/oidc/authorize/actions.ts#denyAction`]: { gate: "user" },
  [`${P}/oidc/logout/actions.ts#confirmLogoutAction`]: { gate: "anyone" },
  [`${P}/reset-password/[token]/actions.ts#resetPasswordAction`]: { gate: "anyone" },
  [`${P}/signup/actions.ts#signUpAction`]: { gate: "anyone" },
  [`${P}/signup/actions.ts#confirmSignupAction`]: { gate: "anyone" },
  [`${P}/start-actions.ts#setOpenStatusAction`]: { gate: "space.open", form: { open: "true", message: "" } },
};

/**
 * Route handlers: "file#METHOD" → gate. Path parameters are ids of rows that do not exist (404 is "let in": the
 * check came first), tokens that are wrong. Public feeds and documents are "anyone".
 */
export const ROUTE_GATES: Record<string, Gate> = {
  [`${A}/import/fabomatic/upload/route.ts#POST`]: "system.admin",
  [`${A}/membership/mailing-lists/[id]/export/route.ts#GET`]: "members.read",
  // One's own data export, or anyone's with members.read; the id here is nobody's.
  [`${A}/people/[id]/export/route.ts#GET`]: "members.read",
  [`${A}/people/export/route.ts#GET`]: "members.read",
  [`${A}/people/mailing-list/route.ts#GET`]: "members.read",
  [`${A}/system/backup/route.ts#GET`]: "system.admin",
  [`${A}/usage/export/route.ts#GET`]: ["members.read", "machines.operate"],
  [`${M}/machines/[id]/photo/[size]/route.ts#GET`]: "user",
  // A photo follows its person's visibility, which may be public; the check is per person (visibility tests).
  [`${M}/people/[id]/photo/[size]/route.ts#GET`]: "anyone",
  [`${M}/polls/[id]/results.csv/route.ts#GET`]: "user",
  // Inventory viewers: members (directory.read) when the space allows, as the demo does, and inventory managers.
  [`${M}/things/[number]/photo/[size]/route.ts#GET`]: ["directory.read", "inventory.write"],
  [`${M}/things/export/route.ts#GET`]: "inventory.write",
  [`${P}/events/[id]/registrations.csv/route.ts#GET`]: "user",
  ["app/.well-known/openid-configuration/route.ts#GET"]: "anyone",
  ["app/api/auth/[...nextauth]/route.ts#GET"]: "anyone",
  ["app/api/auth/[...nextauth]/route.ts#POST"]: "anyone",
  ["app/api/health/route.ts#GET"]: "anyone",
  // Each purpose asks its own permission (see ROUTE_VARIANTS); without one, nobody is answered.
  ["app/api/people/pick/route.ts#GET"]: "credential",
  // Logged-in people, or everyone when the space made the dashboard public (the demo's setting).
  ["app/api/machines/events/route.ts#GET"]: "anyone",
  ["app/api/open-status/route.ts#POST"]: "credential",
  ["app/calendar.ics/route.ts#GET"]: "anyone",
  ["app/calendar.json/route.ts#GET"]: "anyone",
  ["app/calendar.xml/route.ts#GET"]: "anyone",
  ["app/feeds/[token]/calendar.ics/route.ts#GET"]: "credential",
  ["app/feeds/[token]/calendar.json/route.ts#GET"]: "credential",
  ["app/feeds/[token]/calendar.xml/route.ts#GET"]: "credential",
  ["app/feeds/[token]/rooms/[id]/calendar.ics/route.ts#GET"]: "credential",
  ["app/feeds/[token]/rooms/[id]/calendar.json/route.ts#GET"]: "credential",
  ["app/feeds/[token]/rooms/[id]/calendar.xml/route.ts#GET"]: "credential",
  ["app/news.xml/route.ts#GET"]: "anyone",
  ["app/oidc/introspect/route.ts#POST"]: "credential",
  ["app/oidc/introspect/route.ts#OPTIONS"]: "anyone",
  ["app/oidc/jwks/route.ts#GET"]: "anyone",
  ["app/oidc/revoke/route.ts#POST"]: "credential",
  ["app/oidc/revoke/route.ts#OPTIONS"]: "anyone",
  ["app/oidc/token/route.ts#POST"]: "credential",
  ["app/oidc/token/route.ts#GET"]: "anyone",
  ["app/oidc/token/route.ts#OPTIONS"]: "anyone",
  ["app/oidc/userinfo/route.ts#GET"]: "credential",
  ["app/oidc/userinfo/route.ts#POST"]: "credential",
  ["app/oidc/userinfo/route.ts#OPTIONS"]: "anyone",
  ["app/rooms/[id]/calendar.ics/route.ts#GET"]: "anyone",
  ["app/rooms/[id]/calendar.json/route.ts#GET"]: "anyone",
  ["app/rooms/[id]/calendar.xml/route.ts#GET"]: "anyone",
  ["app/space-logo.png/route.ts#GET"]: "anyone",
  ["app/spaceapi.json/route.ts#GET"]: "anyone",
};

/** Routes whose answer depends on the query: each query with its own gate, tested besides the bare request. */
export const ROUTE_VARIANTS: Record<string, { query: string; gate: Gate }[]> = {
  "app/api/people/pick/route.ts#GET": [
    { query: "for=borrower&q=ma", gate: "inventory.write" },
    { query: "for=card&q=ma", gate: "members.write" },
    { query: "for=partner&q=ma", gate: "members.write" },
  ],
};
