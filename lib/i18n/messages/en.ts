import { communityEn } from "./community-en";
import { calendarEn } from "./calendar-en";
import { equipmentEn } from "./equipment-en";
import { trainingEn } from "./training-en";
import { opsEn } from "./ops-en";
import { inventoryEn } from "./inventory-en";
import { peopleEn } from "./people-en";
import { peopleAdminEn } from "./people-admin-en";
import { machinesEn } from "./machines-en";
import { signupEn } from "./signup-en";
import { partnerPhotoEn } from "./partner-photo-en";
import { apiEn } from "./api-en";
import { webhooksEn } from "./webhooks-en";
import { ssoEn } from "./sso-en";
import { accessEn } from "./access-en";
import { integrationsEn } from "./integrations-en";
import { surfaceEn } from "./surface-en";
import { importEn } from "./import-en";
import { pairingEn } from "./pairing-en";
import { invitationsEn } from "./invitations-en";
import { wordingEn } from "./wording-en";
import { navigationEn } from "./navigation-en";
import { formsEn } from "./forms-en";
import { noticesEn } from "./notices-en";
import { historyEn } from "./history-en";
import { auditLabelsEn } from "./audit-labels-en";
import { columnsEn } from "./columns-en";
import { rolesEn } from "./roles-en";
import { recordEn } from "./record-en";
import { studyFieldsEn } from "./study-fields-en";
import { errorEn } from "./error-en";

/** The English catalog is the reference: its keys are the type every other catalog must fill completely. */
export const en = {
  ...communityEn,
  ...calendarEn,
  ...opsEn,
  ...equipmentEn,
  ...trainingEn,
  ...inventoryEn,
  ...peopleEn,
  ...peopleAdminEn,
  ...machinesEn,
  ...signupEn,
  ...partnerPhotoEn,
  ...apiEn,
  ...webhooksEn,
  ...ssoEn,
  ...accessEn,
  ...integrationsEn,
  ...surfaceEn,
  ...importEn,
  ...pairingEn,
  ...invitationsEn,
  ...wordingEn,
  ...navigationEn,
  ...formsEn,
  ...noticesEn,
  ...historyEn,
  ...auditLabelsEn,
  ...columnsEn,
  ...rolesEn,
  ...recordEn,
  ...studyFieldsEn,
  ...errorEn,
  "app.name": "Makerspace",
  "nav.start": "Start",
  "nav.home": "My start page",
  "nav.people": "People",
  "nav.login": "Log in",
  "nav.logout": "Log out",
  "nav.language": "Language",
  "nav.main": "Main navigation",
  "nav.signedInAs": "Signed in as {name}",
  "lang.en": "English",
  "lang.de": "Deutsch",
  "lang.nl": "Nederlands",
  "lang.it": "Italiano",

  "start.title": "Welcome to the makerspace",
  "start.intro": "Members, training, machines and the calendar of our workshop in one place.",
  "start.loginCta": "Log in",
  "start.homeCta": "Go to my space",

  "login.title": "Log in",
  "login.again": "The service you came from asks you to log in again to confirm it is you.",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Log in",
  "login.forgot": "Forgot your password?",
  "login.error.invalid": "Email or password is wrong.",
  "login.error.rate_limited": "Too many failed attempts. Please wait a few minutes and try again.",
  "login.error.not_allowed": "This account may not log in. Please contact the board.",
  "login.error.validation": "Please enter your email and password.",

  "forgot.title": "Forgot your password?",
  "forgot.intro": "Enter the email of your account. We will send you a link to choose a new password.",
  "forgot.submit": "Send link",
  "forgot.sent": "If an account exists for this email, a link is on its way. It is valid for one hour.",
  "forgot.error.validation": "Please enter a valid email.",
  "forgot.back": "Back to login",

  "reset.title": "Choose a new password",
  "reset.password": "New password",
  "reset.confirm": "Repeat the new password",
  "reset.submit": "Save password",
  "reset.hint": "At least {min} characters.",
  "reset.error.invalid_token": "This link is invalid, expired or already used. Please request a new one.",
  "reset.error.weak_password": "The password needs at least {min} characters.",
  "reset.error.mismatch": "The two passwords differ.",
  "reset.done": "Your password was changed. You can log in now.",
  "reset.requestNew": "Request a new link",

  "home.title": "My space",
  "home.greeting": "Hello, {name}",
  "home.membership": "My membership",
  "home.status": "Status",
  "home.memberNumber": "Member number",
  "home.noMemberNumber": "not assigned yet",
  "home.memberSince": "Member since",
  "home.cards": "My cards",
  "home.noCards": "You have no card yet.",
  "home.card.uid": "Card",
  "home.card.state": "State",
  "home.card.issued": "Issued",
  "home.equipment": "My permits",
  "home.noEquipment": "You are not trained on any equipment yet.",
  "home.equipment.type": "Equipment",
  "home.equipment.level": "Level",
  "home.equipment.expires": "Valid until",
  "home.equipment.noExpiry": "no expiry",

  "card.state.active": "active",
  "card.state.lost": "lost",
  "card.state.revoked": "revoked",
  "level.user": "user",
  "level.owner": "owner",
  "level.trainer": "trainer",
  "status.applicant": "Applicant",
  "status.member": "Member",
  "status.supporting": "Supporting member",
  "status.former": "Former member",
  "status.banned": "Banned",

  "people.title": "People",
  "people.search": "Search",
  "people.searchPlaceholder": "Name, email, member number or card",
  "people.col.number": "No.",
  "people.col.name": "Name",
  "people.col.email": "Email",
  "people.col.status": "Status",
  "people.none": "Nobody matches this search.",
  "people.count": "{count, plural, one {# person} other {# people}}",
  "people.countMore": "More than {count, number} people: the first {count, number} are listed. Narrow the search to see the rest.",
  "people.prev": "Previous",
  "people.next": "Next",
  "people.page": "Page {page} of {pages}",
  "people.formerMember": "Former member #{number}",

  "forbidden.title": "Not allowed",
  "forbidden.body": "Your account does not have the permission to open this page.",
  "forbidden.back": "Back to my space",
  "notFound.title": "Page not found",
  "notFound.body": "There is no page at this address.",
  "loading.status": "Loading …",

  "mail.reset.subject": "Your new makerspace password",
  "mail.reset.body":
    "Hello,\n\nsomeone (hopefully you) asked to reset the password of your makerspace account.\nChoose a new password here (the link works once and for {minutes} minutes):\n\n{link}\n\nIf this was not you, ignore this mail; your password stays as it is.\n",
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
