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

/**
 * Every action that reads or changes one person by id, called by a people desk whose view rights leave that person
 * out (app/authorization-actions.int.test.ts, "a person outside the caller's view rights"): the form, bound arguments
 * and files that reach its domain, "$subject" the person's id ("$pick:subject" as the people picker sends it), "$row:<name>"
 * a row of the harness ("$row:<name>:$subject" that person's row).
 * `adminOnly`: system admins' only, who see every group, so the desk is refused by permission. An action whose input
 * names a `personId`, or a bound one on the admin person page, without a case fails the suite. Erasure last: the
 * person the desk sees is erased by it.
 */
export interface PersonCase {
  form?: Record<string, string>;
  args?: unknown[];
  /** A file field (a few bytes that are no image): the domain's check comes before the picture is read. */
  file?: string;
  adminOnly?: true;
  /** The code that says "nobody" where it is not not_found. */
  nobody?: string;
}
const address = { typeId: "999999", street: "Sample street 1", extra: "", postalCode: "", city: "Graz", country: "" };
/**
 * Calls by the people desk on themselves that would widen their own view rights ("no permission lets its holder gain
 * more than it grants"): each is refused with exceeds_own_view_rights.
 */
export const OWN_WIDENING_CASES: Record<string, PersonCase> = {
  [`${A}/people/actions.ts#changeStatusAction`]: { form: { personId: "$subject", statusId: "$row:memberStatus", reason: "Sample reason" } },
  [`${A}/membership/committees/actions.ts#assignFunctionAction`]: {
    args: ["$row:wideningFunction"],
    form: { person: "$pick:subject", since: "2026-01-01", until: "" },
  },
};

export const PERSON_CASES: Record<string, PersonCase> = {
  [`${A}/people/actions.ts#updatePersonAction`]: { form: { personId: "$subject", ...profile } },
  [`${A}/people/actions.ts#changeStatusAction`]: { form: { personId: "$subject", statusId: "999999", reason: "Sample reason" } },
  [`${A}/people/actions.ts#addMembershipAction`]: { form: { personId: "$subject", typeId: "999999", validFrom: "2026-01-01", validUntil: "" } },
  [`${A}/people/[id]/access-actions.ts#setLoginEmailAction`]: { form: { personId: "$subject", newEmail: "new@matrix.test" }, adminOnly: true },
  [`${A}/people/[id]/access-actions.ts#grantPersonRoleAction`]: {
    form: { personId: "$subject", roleId: "999999", since: "2026-01-01", until: "" },
    adminOnly: true,
  },
  [`${A}/people/[id]/access-actions.ts#endPersonRoleAction`]: { args: ["$subject", 999_999], adminOnly: true },
  [`${A}/people/[id]/address-actions.ts#addPersonAddressAction`]: { args: ["$subject"], form: address },
  [`${A}/people/[id]/invitation-actions.ts#invitePersonAction`]: { form: { personId: "$subject" } },
  [`${A}/people/[id]/invitation-actions.ts#revokeInvitationAction`]: { form: { personId: "$subject" } },
  [`${A}/people/[id]/partner-actions.ts#linkPartnerAction`]: { args: ["$subject"], form: { partner: "$pick:subject" } },
  [`${A}/people/[id]/partner-actions.ts#unlinkPartnerAction`]: { args: ["$subject"] },
  [`${A}/people/[id]/partner-actions.ts#sharePartnerAddressAction`]: { args: ["$subject"], form: { addressId: "999999", partnerId: "$subject" } },
  [`${A}/people/applicants/actions.ts#approveApplicantAction`]: { form: { personId: "$subject" } },
  [`${A}/people/applicants/actions.ts#rejectApplicantAction`]: { form: { personId: "$subject", reason: "Sample reason" } },
  [`${M}/profile/photo-actions.ts#uploadPersonPhotoAction`]: { form: { personId: "$subject" }, file: "photo" },
  [`${M}/profile/photo-actions.ts#removePersonPhotoAction`]: { form: { personId: "$subject" } },
  // The address of the person the desk sees ("$row:"), so the call on them gets past the address's check too.
  [`${M}/profile/address-edit-actions.ts#updateAddressAction`]: { form: { personId: "$subject", addressId: "$row:insideAddress", ...address } },
  [`${A}/cards/actions.ts#registerCardAction`]: { form: { personId: "$pick:subject", uid: "efbeadd1" } },
  [`${A}/equipment/people/actions.ts#grantAuthorizationAction`]: {
    form: { personId: "$subject", equipmentTypeId: "999999", level: "user", reason: "Sample reason" },
    nobody: "unknown_person",
  },
  // A function that grants no roles, so the call on the person the desk sees is done.
  [`${A}/membership/committees/actions.ts#assignFunctionAction`]: {
    args: ["$row:deskFunction"],
    form: { person: "$pick:subject", since: "2026-01-01", until: "" },
  },
  // The function the person held (one row per person), ended within its span: done for the person the desk sees.
  [`${A}/membership/committees/actions.ts#endFunctionAction`]: { args: ["$row:deskHolder:$subject"], form: { until: "2025-03-01" } },
  [`${A}/people/actions.ts#erasePersonAction`]: { form: { personId: "$subject", reason: "Sample reason" } },
};
