import type { Catalog } from "./en";
import { communityNl } from "./community-nl";
import { calendarNl } from "./calendar-nl";
import { opsNl } from "./ops-nl";
import { equipmentNl } from "./equipment-nl";
import { trainingNl } from "./training-nl";
import { inventoryNl } from "./inventory-nl";
import { peopleNl } from "./people-nl";
import { peopleAdminNl } from "./people-admin-nl";
import { machinesNl } from "./machines-nl";
import { signupNl } from "./signup-nl";
import { partnerPhotoNl } from "./partner-photo-nl";
import { apiNl } from "./api-nl";
import { webhooksNl } from "./webhooks-nl";
import { accessNl } from "./access-nl";
import { integrationsNl } from "./integrations-nl";
import { surfaceNl } from "./surface-nl";
import { importNl } from "./import-nl";
import { pairingNl } from "./pairing-nl";
import { formsNl } from "./forms-nl";
import { invitationsNl } from "./invitations-nl";
import { wordingNl } from "./wording-nl";
import { noticesNl } from "./notices-nl";
import { ssoNl } from "./sso-nl";
import { navigationNl } from "./navigation-nl";
import { historyNl } from "./history-nl";
import { auditLabelsNl } from "./audit-labels-nl";
import { columnsNl } from "./columns-nl";
import { rolesNl } from "./roles-nl";
import { recordNl } from "./record-nl";
import { studyFieldsNl } from "./study-fields-nl";
import { errorNl } from "./error-nl";

/** Dutch, as a Dutch club speaks it (je, lid/oud-lid, bestuur, commissie, pas, voorwerp, activiteit). Every key of the English catalog (catalog-completeness.test.ts). */
export const nl: Catalog = {
  ...communityNl,
  ...calendarNl,
  ...opsNl,
  ...equipmentNl,
  ...trainingNl,
  ...inventoryNl,
  ...peopleNl,
  ...peopleAdminNl,
  ...machinesNl,
  ...signupNl,
  ...partnerPhotoNl,
  ...apiNl,
  ...webhooksNl,
  ...accessNl,
  ...integrationsNl,
  ...surfaceNl,
  ...importNl,
  ...pairingNl,
  ...formsNl,
  ...invitationsNl,
  ...wordingNl,
  ...noticesNl,
  ...ssoNl,
  ...navigationNl,
  ...historyNl,
  ...auditLabelsNl,
  ...columnsNl,
  ...rolesNl,
  ...recordNl,
  ...studyFieldsNl,
  ...errorNl,
  "app.name": "Makerspace",
  "nav.start": "Start",
  "nav.home": "Mijn space",
  "nav.people": "Personen",
  "nav.login": "Inloggen",
  "nav.logout": "Uitloggen",
  "nav.language": "Taal",
  "nav.main": "Hoofdnavigatie",
  "nav.signedInAs": "Ingelogd als {name}",
  "lang.en": "English",
  "lang.de": "Deutsch",
  "lang.nl": "Nederlands",
  "lang.it": "Italiano",

  "start.title": "Welkom in de makerspace",
  "start.intro": "Leden, trainingen, machines en de agenda van onze werkplaats op één plek.",
  "start.loginCta": "Inloggen",
  "start.homeCta": "Naar mijn space",

  "login.title": "Inloggen",
  "login.again": "De dienst waar je vandaan komt vraagt je opnieuw in te loggen om te bevestigen dat jij het bent.",
  "login.email": "E-mailadres",
  "login.password": "Wachtwoord",
  "login.submit": "Inloggen",
  "login.forgot": "Wachtwoord vergeten?",
  "login.error.invalid": "E-mailadres of wachtwoord klopt niet.",
  "login.error.rate_limited": "Te veel mislukte pogingen. Wacht een paar minuten en probeer het opnieuw.",
  "login.error.not_allowed": "Dit account mag niet inloggen. Neem contact op met het bestuur.",
  "login.error.validation": "Vul je e-mailadres en wachtwoord in.",

  "forgot.title": "Wachtwoord vergeten?",
  "forgot.intro": "Vul het e-mailadres van je account in. We sturen je een link waarmee je een nieuw wachtwoord kiest.",
  "forgot.submit": "Link versturen",
  "forgot.sent": "Als er een account bij dit e-mailadres hoort, is er een link onderweg. Die is één uur geldig.",
  "forgot.error.validation": "Vul een geldig e-mailadres in.",
  "forgot.back": "Terug naar inloggen",

  "reset.title": "Kies een nieuw wachtwoord",
  "reset.password": "Nieuw wachtwoord",
  "reset.confirm": "Herhaal het nieuwe wachtwoord",
  "reset.submit": "Wachtwoord opslaan",
  "reset.hint": "Minstens {min} tekens.",
  "reset.error.invalid_token": "Deze link is ongeldig, verlopen of al gebruikt. Vraag een nieuwe aan.",
  "reset.error.weak_password": "Het wachtwoord moet minstens {min} tekens hebben.",
  "reset.error.mismatch": "De twee wachtwoorden verschillen.",
  "reset.done": "Je wachtwoord is gewijzigd. Je kunt nu inloggen.",
  "reset.requestNew": "Nieuwe link aanvragen",

  "home.title": "Mijn space",
  "home.greeting": "Hallo, {name}",
  "home.membership": "Mijn lidmaatschap",
  "home.status": "Status",
  "home.memberNumber": "Lidnummer",
  "home.noMemberNumber": "nog niet toegekend",
  "home.memberSince": "Lid sinds",
  "home.cards": "Mijn passen",
  "home.noCards": "Je hebt nog geen pas.",
  "home.card.uid": "Pas",
  "home.card.state": "Toestand",
  "home.card.issued": "Uitgegeven",
  "home.equipment": "Mijn apparatuur",
  "home.noEquipment": "Je bent nog op geen enkel apparaat getraind.",
  "home.equipment.type": "Apparatuur",
  "home.equipment.level": "Niveau",
  "home.equipment.expires": "Geldig tot",
  "home.equipment.noExpiry": "verloopt niet",

  "card.state.active": "actief",
  "card.state.lost": "verloren",
  "card.state.revoked": "ingetrokken",
  "level.user": "gebruiker",
  "level.owner": "beheerder",
  "level.trainer": "trainer",
  "status.applicant": "Aspirant-lid",
  "status.member": "Lid",
  "status.supporting": "Begunstiger",
  "status.former": "Oud-lid",
  "status.banned": "Geroyeerd",

  "people.title": "Personen",
  "people.search": "Zoeken",
  "people.searchPlaceholder": "Naam, e-mailadres, lidnummer of pas",
  "people.col.number": "Nr.",
  "people.col.name": "Naam",
  "people.col.email": "E-mailadres",
  "people.col.status": "Status",
  "people.none": "Niemand voldoet aan deze zoekopdracht.",
  "people.count": "{count, plural, one {# persoon} other {# personen}}",
  "people.countMore": "Meer dan {count, number} personen: de eerste {count, number} worden getoond. Verfijn de zoekopdracht om de rest te zien.",
  "people.prev": "Vorige",
  "people.next": "Volgende",
  "people.page": "Pagina {page} van {pages}",
  "people.formerMember": "Oud-lid #{number}",

  "forbidden.title": "Geen toegang",
  "forbidden.body": "Je account heeft geen recht om deze pagina te openen.",
  "forbidden.back": "Terug naar mijn space",
  "notFound.title": "Pagina niet gevonden",
  "notFound.body": "Op dit adres staat geen pagina.",
  "loading.status": "Bezig met laden …",

  "mail.reset.subject": "Je nieuwe makerspace-wachtwoord",
  "mail.reset.body":
    "Hallo,\n\niemand (hopelijk jij) heeft gevraagd om het wachtwoord van je makerspace-account opnieuw in te stellen.\nKies hier een nieuw wachtwoord (de link werkt één keer en {minutes} minuten lang):\n\n{link}\n\nWas jij dit niet, negeer deze mail dan; je wachtwoord blijft zoals het is.\n",
};
