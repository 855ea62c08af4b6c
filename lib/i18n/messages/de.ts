import { communityDe } from "./community-de";
import { calendarDe } from "./calendar-de";
import { equipmentDe } from "./equipment-de";
import { trainingDe } from "./training-de";
import { opsDe } from "./ops-de";
import type { Catalog } from "./en";
import { inventoryDe } from "./inventory-de";
import { peopleDe } from "./people-de";
import { peopleAdminDe } from "./people-admin-de";
import { machinesDe } from "./machines-de";
import { signupDe } from "./signup-de";
import { partnerPhotoDe } from "./partner-photo-de";
import { apiDe } from "./api-de";
import { webhooksDe } from "./webhooks-de";
import { ssoDe } from "./sso-de";
import { accessDe } from "./access-de";
import { integrationsDe } from "./integrations-de";
import { surfaceDe } from "./surface-de";
import { importDe } from "./import-de";
import { pairingDe } from "./pairing-de";
import { invitationsDe } from "./invitations-de";
import { wordingDe } from "./wording-de";
import { navigationDe } from "./navigation-de";
import { formsDe } from "./forms-de";
import { noticesDe } from "./notices-de";
import { historyDe } from "./history-de";
import { auditLabelsDe } from "./audit-labels-de";
import { columnsDe } from "./columns-de";
import { rolesDe } from "./roles-de";
import { recordDe } from "./record-de";
import { studyFieldsDe } from "./study-fields-de";
import { errorDe } from "./error-de";

export const de: Catalog = {
  ...communityDe,
  ...calendarDe,
  ...opsDe,
  ...equipmentDe,
  ...trainingDe,
  ...inventoryDe,
  ...peopleDe,
  ...peopleAdminDe,
  ...machinesDe,
  ...signupDe,
  ...partnerPhotoDe,
  ...apiDe,
  ...webhooksDe,
  ...ssoDe,
  ...accessDe,
  ...integrationsDe,
  ...surfaceDe,
  ...importDe,
  ...pairingDe,
  ...invitationsDe,
  ...wordingDe,
  ...navigationDe,
  ...formsDe,
  ...noticesDe,
  ...historyDe,
  ...auditLabelsDe,
  ...columnsDe,
  ...rolesDe,
  ...recordDe,
  ...studyFieldsDe,
  ...errorDe,
  "app.name": "Makerspace",
  "nav.start": "Start",
  "nav.home": "Meine Startseite",
  "nav.people": "Personen",
  "nav.login": "Anmelden",
  "nav.logout": "Abmelden",
  "nav.language": "Sprache",
  "nav.main": "Hauptnavigation",
  "nav.signedInAs": "Angemeldet als {name}",
  "lang.en": "English",
  "lang.de": "Deutsch",
  "lang.nl": "Nederlands",
  "lang.it": "Italiano",

  "start.title": "Willkommen im Makerspace",
  "start.intro": "Mitglieder, Einschulungen, Maschinen und der Kalender unserer Werkstatt an einem Ort.",
  "start.loginCta": "Anmelden",
  "start.homeCta": "Zu meinem Bereich",

  "login.title": "Anmelden",
  "login.again": "Der Dienst, von dem du kommst, bittet dich, dich zur Bestätigung erneut anzumelden.",
  "login.email": "E-Mail",
  "login.password": "Passwort",
  "login.submit": "Anmelden",
  "login.forgot": "Passwort vergessen?",
  "login.error.invalid": "E-Mail oder Passwort ist falsch.",
  "login.error.rate_limited": "Zu viele Fehlversuche. Bitte warte ein paar Minuten und versuche es dann erneut.",
  "login.error.not_allowed": "Dieses Konto darf sich nicht anmelden. Bitte wende dich an den Vorstand.",
  "login.error.validation": "Bitte gib E-Mail und Passwort ein.",

  "forgot.title": "Passwort vergessen?",
  "forgot.intro": "Gib die E-Mail-Adresse deines Kontos ein. Wir schicken dir einen Link, mit dem du ein neues Passwort wählen kannst.",
  "forgot.submit": "Link senden",
  "forgot.sent": "Falls es ein Konto mit dieser E-Mail gibt, ist ein Link unterwegs. Er ist eine Stunde gültig.",
  "forgot.error.validation": "Bitte gib eine gültige E-Mail-Adresse ein.",
  "forgot.back": "Zurück zur Anmeldung",

  "reset.title": "Neues Passwort wählen",
  "reset.password": "Neues Passwort",
  "reset.confirm": "Neues Passwort wiederholen",
  "reset.submit": "Passwort speichern",
  "reset.hint": "Mindestens {min} Zeichen.",
  "reset.error.invalid_token": "Dieser Link ist ungültig, abgelaufen oder wurde schon verwendet. Bitte fordere einen neuen an.",
  "reset.error.weak_password": "Das Passwort braucht mindestens {min} Zeichen.",
  "reset.error.mismatch": "Die beiden Passwörter stimmen nicht überein.",
  "reset.done": "Dein Passwort wurde geändert. Du kannst dich jetzt anmelden.",
  "reset.requestNew": "Neuen Link anfordern",

  "home.title": "Mein Bereich",
  "home.greeting": "Hallo, {name}",
  "home.membership": "Meine Mitgliedschaft",
  "home.status": "Status",
  "home.memberNumber": "Mitgliedsnummer",
  "home.noMemberNumber": "noch nicht vergeben",
  "home.memberSince": "Mitglied seit",
  "home.cards": "Meine Karten",
  "home.noCards": "Du hast noch keine Karte.",
  "home.card.uid": "Karte",
  "home.card.state": "Zustand",
  "home.card.issued": "Ausgegeben",
  "home.equipment": "Meine Freigaben",
  "home.noEquipment": "Du bist noch auf kein Gerät eingeschult.",
  "home.equipment.type": "Gerät",
  "home.equipment.level": "Stufe",
  "home.equipment.expires": "Gültig bis",
  "home.equipment.noExpiry": "unbefristet",

  "card.state.active": "aktiv",
  "card.state.lost": "verloren",
  "card.state.revoked": "gesperrt",
  "level.user": "Benutzer:in",
  "level.owner": "Betreuer:in",
  "level.trainer": "Trainer:in",
  "status.applicant": "Anwärter:in",
  "status.member": "Mitglied",
  "status.supporting": "Förderndes Mitglied",
  "status.former": "Ehemaliges Mitglied",
  "status.banned": "Gesperrt",

  "people.title": "Personen",
  "people.search": "Suchen",
  "people.searchPlaceholder": "Name, E-Mail, Mitgliedsnummer oder Karte",
  "people.col.number": "Nr.",
  "people.col.name": "Name",
  "people.col.email": "E-Mail",
  "people.col.status": "Status",
  "people.none": "Niemand passt zu dieser Suche.",
  "people.count": "{count, plural, one {# Person} other {# Personen}}",
  "people.countMore": "Mehr als {count, number} Personen: die ersten {count, number} werden angezeigt. Grenze die Suche ein, um die übrigen zu sehen.",
  "people.prev": "Zurück",
  "people.next": "Weiter",
  "people.page": "Seite {page} von {pages}",
  "people.formerMember": "Ehemaliges Mitglied Nr. {number}",

  "forbidden.title": "Nicht erlaubt",
  "forbidden.body": "Dein Konto hat nicht die Berechtigung, diese Seite zu öffnen.",
  "forbidden.back": "Zurück zu meinem Bereich",
  "notFound.title": "Seite nicht gefunden",
  "notFound.body": "Unter dieser Adresse gibt es keine Seite.",
  "loading.status": "Wird geladen …",

  "mail.reset.subject": "Dein neues Makerspace-Passwort",
  "mail.reset.body":
    "Hallo,\n\njemand (hoffentlich du) möchte das Passwort deines Makerspace-Kontos zurücksetzen.\nHier kannst du ein neues Passwort wählen (der Link funktioniert einmal und {minutes} Minuten lang):\n\n{link}\n\nWarst du das nicht, ignoriere diese Mail; dein Passwort bleibt unverändert.\n",
};
