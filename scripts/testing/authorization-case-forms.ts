/**
 * The forms the authorization suite (app/authorization-actions.int.test.ts, gates in authorization-gates.ts) sends
 * to actions whose schema sample does not parse, so each call gets past its form to the domain's own check.
 */

/** Where the actions live: the route groups by audience. */
export const A = "app/(admin)/admin";
export const M = "app/(member)";
export const P = "app/(public)";

/** Far ahead, so a date or time is never in the past (a local time in the space's zone, as the forms send it). */
const LATER = "2099-01-05";
const profile = { firstName: "Sample", lastName: "Person", email: "", phone: "", preferredLanguage: "en", company: "", jobTitle: "", interests: "" };
const ssoClient = {
  name: "Sample service",
  kind: "confidential",
  redirectUris: "https://service.example/callback",
  postLogoutRedirectUris: "",
  backchannelLogoutUri: "",
  requiredPermission: "",
};
const webhook = { url: "https://receiver.example/hook", description: "", event: "person.created", active: "on" };
const session = { startsAt: `${LATER}T10:00`, endsAt: `${LATER}T12:00`, room: "", capacity: "4", notes: "" };

/**
 * A form each of these actions' schema accepts, where a sample of the schema is not one (refined schemas, formats,
 * dates, picked people): the suite fails an action called past its form with neither. Ids name no row (nothing real
 * changes) unless the case says otherwise; a call that gets in may still write (a sign-up, a new poll).
 */
export const CASE_FORMS: Record<string, Record<string, string>> = {
  [`${A}/equipment/machines/[id]/operations/plan-actions.ts#updatePlanAction`]: {
    machineId: "$row:laser",
    planId: "999999",
    everyHours: "100",
    lcdText: "Clean lens",
    description: "",
    instructionsUrl: "",
  },
  [`${A}/people/actions.ts#createPersonAction`]: { statusId: "999999", ...profile },
  [`${A}/people/actions.ts#updatePersonAction`]: { personId: "999999", ...profile },
  [`${A}/sso/actions.ts#createOidcClientAction`]: ssoClient,
  [`${A}/sso/actions.ts#updateOidcClientAction`]: { id: "999999", ...ssoClient },
  [`${A}/usage/actions.ts#correctSessionAction`]: { sessionId: "999999", startedAt: "2026-01-05T10:00:00.000Z", minutes: "60", reason: "Left logged in" },
  [`${A}/webhooks/actions.ts#createWebhookAction`]: webhook,
  [`${A}/webhooks/actions.ts#updateWebhookAction`]: { id: "999999", ...webhook },
  // One's own profile (written as each role: a sample name) and a partner's (none here: nobody's).
  [`${M}/profile/actions.ts#updateOwnProfileAction`]: profile,
  [`${M}/profile/partner/actions.ts#updatePartnerProfileAction`]: profile,
  [`${M}/polls/actions.ts#createPollAction`]: {
    question: "Sample question?",
    description: "",
    options: "Yes\nNo",
    choice: "single",
    opensAt: `${LATER}T10:00`,
    closesAt: `${LATER}T18:00`,
    resultsVisible: "after_vote",
  },
  [`${M}/things/actions.ts#saveThingAction`]: { name: "Sample thing", description: "", ownership: "owned", notes: "" },
  [`${M}/things/actions.ts#lendThingAction`]: { borrowerPersonId: "$person:member", dueAt: LATER, note: "" },
  [`${M}/training/actions.ts#scheduleSessionAction`]: { equipmentTypeId: "999999", level: "user", ...session },
  [`${M}/training/actions.ts#editSessionAction`]: { sessionId: "999999", ...session },
  [`${P}/events/[id]/actions.ts#guestRegisterAction`]: { name: "Sample Guest", email: "guest@matrix.test" },
  [`${P}/forgot-password/actions.ts#forgotPasswordAction`]: { email: "nobody@matrix.test" },
  [`${P}/login/actions.ts#resendConfirmationAction`]: { email: "nobody@matrix.test" },
  [`${P}/signup/actions.ts#signUpAction`]: {
    firstName: "Sample",
    lastName: "Applicant",
    email: "applicant@matrix.test",
    password: "a-sample-password",
    preferredLanguage: "en",
  },
  [`${P}/start-actions.ts#setOpenStatusAction`]: { open: "true", message: "" },
};
