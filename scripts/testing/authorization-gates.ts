import type { Permission } from "@/lib/domain/access/permissions";
import { A, CASE_FORMS, M, P } from "./authorization-case-forms";

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

/**
 * Every server action whose gate its code does not declare: "file#export" → its case. That is each defineAction
 * action whose caller is "user" or "anyone" (the domain decides; an action not made by defineAction would need one
 * too). The suite calls its domain past the form (its case form, else a sample of its schema; neither parsing is a
 * failure) as applicant, member, trainer and staff, and checks each is refused exactly when the gate does not let
 * them in. Gates read from the domain's checks; "user" where any logged-in
 * person may call and the domain decides per row (own bookings, own sign-ups, a row's machine) — those rules have
 * their own int tests.
 */
export const ACTION_CASES: Record<string, ActionCase> = withForms({
  ...DOMAIN_GATES(),
  [`${P}/events/[id]/actions.ts#registerAction`]: { gate: "user" },
  [`${P}/events/[id]/actions.ts#unregisterAction`]: { gate: "user" },
  [`${P}/events/[id]/actions.ts#guestRegisterAction`]: { gate: "anyone" },
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
});

/** The cases with their forms (a form for an action without a case is a mistake the suite names). */
function withForms(cases: Record<string, ActionCase>): Record<string, ActionCase> {
  const out = { ...cases };
  for (const [key, form] of Object.entries(CASE_FORMS)) if (out[key]) out[key] = { ...out[key], form: { ...form, ...out[key].form } };
  return out;
}

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

/** The domain's gate of each defineAction action whose caller is "user" or "anyone" (see ACTION_CASES). */
function DOMAIN_GATES(): Record<string, ActionCase> {
  const gates: Record<string, Gate> = {
    [`${A}/api/actions.ts#createServiceAction`]: "system.admin",
    [`${A}/api/actions.ts#setServiceEnabledAction`]: "system.admin",
    [`${A}/api/actions.ts#createServiceTokenAction`]: "system.admin",
    [`${A}/audit/actions.ts#subscribeAction`]: "audit.read",
    [`${A}/audit/actions.ts#unsubscribeAction`]: "user", // one's own subscription
    [`${A}/cards/actions.ts#registerCardAction`]: "members.write",
    [`${A}/equipment/machines/[id]/operations/actions.ts#remoteCommandAction`]: "machines.operate",
    [`${A}/equipment/machines/[id]/operations/actions.ts#boardCredentialsAction`]: "equipment.manage",

    [`${A}/equipment/machines/[id]/operations/pairing-actions.ts#approvePairingAction`]: "equipment.manage",
    [`${A}/equipment/machines/[id]/operations/pairing-actions.ts#refusePairingAction`]: "equipment.manage",
    [`${A}/equipment/machines/[id]/operations/pairing-actions.ts#unpairBoardAction`]: "equipment.manage",
    [`${A}/equipment/machines/[id]/operations/pairing-actions.ts#openPairingWindowAction`]: "equipment.manage",
    [`${A}/equipment/machines/[id]/operations/pairing-actions.ts#closePairingWindowAction`]: "equipment.manage",
    [`${A}/equipment/machines/[id]/operations/plan-actions.ts#deletePlanAction`]: "equipment.manage",
    [`${A}/equipment/machines/[id]/operations/plan-actions.ts#recordDoneAction`]: ["machines.operate", "equipment.manage"],
    [`${A}/equipment/machines/actions.ts#createMachineAction`]: "equipment.manage",
    [`${A}/equipment/machines/actions.ts#updateMachineAction`]: "equipment.manage",
    [`${A}/equipment/machines/actions.ts#setMachineBlockedAction`]: ["machines.operate", "equipment.manage"],
    [`${A}/equipment/machines/actions.ts#uploadMachinePhotoAction`]: "user", // the photo is checked first; machine-photo int test
    [`${A}/equipment/machines/actions.ts#deleteMachineAction`]: "equipment.manage",
    [`${A}/equipment/people/actions.ts#grantAuthorizationAction`]: "equipment.manage",
    [`${A}/equipment/people/actions.ts#revokeAuthorizationAction`]: "equipment.manage",
    [`${A}/equipment/types/actions.ts#createEquipmentTypeAction`]: "equipment.manage",
    [`${A}/equipment/types/actions.ts#updateEquipmentTypeAction`]: "equipment.manage",
    [`${A}/equipment/types/actions.ts#addPrerequisiteAction`]: "equipment.manage",
    [`${A}/equipment/types/actions.ts#removePrerequisiteAction`]: "equipment.manage",
    [`${A}/equipment/types/actions.ts#deleteEquipmentTypeAction`]: "equipment.manage",
    [`${A}/membership/actions.ts#saveStatusAction`]: "system.admin",
    [`${A}/membership/actions.ts#saveTypeAction`]: "members.write",
    [`${A}/membership/actions.ts#saveAddressTypeAction`]: "members.write",
    [`${A}/membership/actions.ts#deleteStatusAction`]: "system.admin",
    [`${A}/membership/actions.ts#deleteTypeAction`]: "members.write",
    [`${A}/membership/actions.ts#deleteAddressTypeAction`]: "members.write",
    [`${A}/membership/actions.ts#endOfYearAction`]: "members.write",
    [`${A}/membership/committees/actions.ts#createCommitteeAction`]: "members.write",
    [`${A}/membership/committees/actions.ts#updateCommitteeAction`]: "members.write",
    [`${A}/membership/committees/actions.ts#deleteCommitteeAction`]: "members.write",
    [`${A}/membership/committees/actions.ts#createFunctionAction`]: "system.admin",
    [`${A}/membership/committees/actions.ts#updateFunctionAction`]: "members.write",
    [`${A}/membership/committees/actions.ts#deleteFunctionAction`]: "members.write",
    [`${A}/membership/committees/actions.ts#endFunctionAction`]: "members.write",
    [`${A}/membership/mailing-lists/actions.ts#createListAction`]: "members.write",
    [`${A}/membership/mailing-lists/actions.ts#updateListAction`]: "members.write",
    [`${A}/membership/mailing-lists/actions.ts#deleteListAction`]: "members.write",
    [`${A}/membership/mailing-lists/actions.ts#syncListAction`]: "members.write",
    [`${A}/news/actions.ts#createNewsAction`]: "news.write",
    [`${A}/news/actions.ts#updateNewsAction`]: "news.write",
    [`${A}/people/[id]/access-actions.ts#setLoginEmailAction`]: "system.admin",
    [`${A}/people/[id]/access-actions.ts#grantPersonRoleAction`]: "system.admin",
    [`${A}/people/[id]/access-actions.ts#endPersonRoleAction`]: "system.admin",
    [`${A}/people/[id]/invitation-actions.ts#invitePersonAction`]: "members.write",
    [`${A}/people/[id]/invitation-actions.ts#revokeInvitationAction`]: "members.write",
    [`${A}/people/actions.ts#createPersonAction`]: "members.write",
    [`${A}/people/actions.ts#updatePersonAction`]: "members.write",
    [`${A}/people/actions.ts#changeStatusAction`]: "members.write",
    [`${A}/people/actions.ts#addMembershipAction`]: "members.write",
    [`${A}/people/actions.ts#erasePersonAction`]: "members.write",
    [`${A}/people/applicants/actions.ts#approveApplicantAction`]: "members.write",
    [`${A}/people/applicants/actions.ts#rejectApplicantAction`]: "members.write",
    [`${A}/people/applicants/actions.ts#approveLoginRequestAction`]: "members.write",
    [`${A}/people/applicants/actions.ts#rejectLoginRequestAction`]: "members.write",
    [`${A}/rooms/actions.ts#saveBookableAction`]: "calendar.write",
    [`${A}/rooms/actions.ts#deleteBookableAction`]: "calendar.write",
    [`${A}/sensors/actions.ts#createSensorAction`]: "system.admin",
    [`${A}/sensors/actions.ts#revokeSensorAction`]: "system.admin",
    [`${A}/sso/actions.ts#createOidcClientAction`]: "system.admin",
    [`${A}/sso/actions.ts#updateOidcClientAction`]: "system.admin",
    [`${A}/sso/actions.ts#rotateOidcClientSecretAction`]: "system.admin",
    [`${A}/sso/actions.ts#deleteOidcClientAction`]: "system.admin",
    [`${A}/sso/actions.ts#rotateSigningKeyAction`]: "system.admin",
    [`${A}/usage/actions.ts#correctSessionAction`]: ["machines.operate", "equipment.manage"],
    [`${A}/webhooks/actions.ts#createWebhookAction`]: "system.admin",
    [`${A}/webhooks/actions.ts#updateWebhookAction`]: "system.admin",
    [`${A}/webhooks/actions.ts#rotateWebhookSecretAction`]: "system.admin",
    [`${A}/webhooks/actions.ts#pingWebhookAction`]: "system.admin",
    [`${A}/webhooks/actions.ts#redeliverAction`]: "system.admin",
    [`${A}/webhooks/actions.ts#deleteWebhookAction`]: "system.admin",
    [`${M}/bookings/actions.ts#bookMachineAction`]: "user", // members who may use the machine: bookings int tests
    [`${M}/bookings/actions.ts#cancelBookingAction`]: "user",
    [`${M}/calendar/feed/actions.ts#regenerateFeedAction`]: "user",
    [`${M}/calendar/feed/actions.ts#revokeFeedAction`]: "user",
    [`${M}/calendar/feed/actions.ts#weeklyAction`]: "user",
    [`${M}/equipment/actions.ts#signUpAction`]: "user",
    [`${M}/equipment/actions.ts#cancelSignupAction`]: "user",
    [`${M}/equipment/actions.ts#requestTrainingAction`]: "user",
    [`${M}/equipment/actions.ts#withdrawRequestAction`]: "user",
    [`${M}/locations/actions.ts#createLocationAction`]: "inventory.write",
    [`${M}/locations/actions.ts#updateLocationAction`]: "inventory.write",
    [`${M}/locations/actions.ts#deleteLocationAction`]: "inventory.write",
    [`${M}/polls/actions.ts#voteAction`]: "user",
    [`${M}/polls/actions.ts#createPollAction`]: "polls.create",
    [`${M}/profile/actions.ts#updateOwnProfileAction`]: "user",
    [`${M}/profile/actions.ts#setOwnVisibilityAction`]: "user",
    [`${M}/profile/actions.ts#addOwnAddressAction`]: "user",
    [`${M}/profile/actions.ts#ownAddressAction`]: "user",
    // Someone else's address: a people admin (or a partner who agreed; partner-link int tests).
    [`${M}/profile/address-edit-actions.ts#updateAddressAction`]: "members.write",
    [`${M}/profile/login-actions.ts#requestLoginEmailChangeAction`]: "user",
    [`${M}/profile/login-actions.ts#logOutEverywhereAction`]: "anyone",
    [`${M}/profile/mail-preference-actions.ts#setMailPreferencesAction`]: "user",
    [`${M}/profile/mailing-list-actions.ts#setMailingListsAction`]: "user",
    [`${M}/profile/partner-consent-actions.ts#setPartnerConsentAction`]: "user",
    // One's linked partner only, while both agreed: partner-link int tests.
    [`${M}/profile/partner/actions.ts#updatePartnerProfileAction`]: "user",
    [`${M}/profile/photo-actions.ts#uploadPersonPhotoAction`]: "user",
    // Someone else's photo (the id here is nobody's own): a people admin.
    [`${M}/profile/photo-actions.ts#removePersonPhotoAction`]: "members.write",
    [`${M}/profile/services/actions.ts#disconnectServiceAction`]: "user",
    [`${M}/profile/summary-actions.ts#setWeeklySummaryAction`]: ["machines.operate", "equipment.manage"],
    [`${M}/profile/tokens/actions.ts#createPersonalTokenAction`]: "user",
    [`${M}/profile/tokens/actions.ts#revokeTokenAction`]: "user",
    [`${M}/things/actions.ts#moveThingAction`]: "inventory.write",
    [`${M}/things/actions.ts#lendThingAction`]: "inventory.write",
    [`${M}/things/actions.ts#returnThingAction`]: "inventory.write",
    // A trainer's own sessions of the types they train: training int tests.
    [`${M}/training/actions.ts#scheduleSessionAction`]: "user",
    [`${M}/training/actions.ts#markAttendanceAction`]: "user",
    [`${M}/training/actions.ts#cancelSessionAction`]: "user",
    [`${M}/training/actions.ts#editSessionAction`]: "user",
    [`${P}/email-change/confirm/actions.ts#confirmEmailChangeAction`]: "anyone",
    [`${P}/events/[id]/actions.ts#setCancelledAction`]: "calendar.write",
    [`${P}/events/confirm/[token]/actions.ts#confirmGuestAction`]: "anyone",
    [`${P}/start-actions.ts#setOpenStatusAction`]: "space.open",
    ["app/actions.ts#logoutAction"]: "anyone",
    ["app/actions.ts#setLanguageAction"]: "anyone",
  };
  // Per row: the row's machine decides — its staff, its type's owner (the demo trainer owns LASER 1's), or for a
  // delete a people admin; rows made by the suite's harness (scripts/testing/authorization-matrix.ts).
  const deletes = ["machines.operate", "equipment.manage", "members.write"] as const;
  const ops = `${A}/equipment/machines/[id]/operations`;
  const perRow: Record<string, ActionCase> = {
    [`${ops}/delete-actions.ts#deleteInterventionAction`]: { gate: deletes, alsoLets: ["trainer"], args: ["$row:deleteIntervention"] },
    [`${ops}/flagged-actions.ts#acceptFlaggedSessionAction`]: {
      gate: ["machines.operate", "equipment.manage"],
      alsoLets: ["trainer"],
      args: ["$row:acceptFlagged"],
    },
    [`${ops}/flagged-actions.ts#deleteFlaggedSessionAction`]: { gate: deletes, alsoLets: ["trainer"], args: ["$row:deleteFlagged"] },
    [`${A}/usage/delete-actions.ts#deleteUsageSessionAction`]: { gate: deletes, alsoLets: ["trainer"], args: ["$row:deleteUsage"] },
    // A plan of no row on LASER 1 (its form in CASE_FORMS): the machine's check comes first.
    [`${ops}/plan-actions.ts#updatePlanAction`]: { gate: "equipment.manage", alsoLets: ["trainer"] },
    [`${ops}/plan-actions.ts#addPlanAction`]: {
      gate: "equipment.manage",
      alsoLets: ["trainer"],
      form: { machineId: "$row:laser", everyHours: "100", lcdText: "Clean lens", description: "", instructionsUrl: "" },
    },
  };
  // A new thing (no number bound): inventory.write; editing one is the same check (csv-import and inventory int tests).
  const newThing: Record<string, ActionCase> = { [`${M}/things/actions.ts#saveThingAction`]: { gate: "inventory.write", args: [null] } };
  return { ...Object.fromEntries(Object.entries(gates).map(([key, gate]) => [key, { gate }])), ...perRow, ...newThing };
}
