import type { accessEn } from "./access-en";

const exceeds = "Je kunt niet meer weggeven dan je zelf hebt: dit zou rechten verlenen die je niet hebt.";
const outranks = "Deze persoon heeft rechten die jij niet hebt, dus alleen iemand met die rechten mag deze persoon wijzigen.";

/** Beperking van rechten, wijzigen van het inlogadres en sessies. */
export const accessNl: Record<keyof typeof accessEn, string> = {
  "people.error.exceeds_own_permissions": exceeds,
  "people.error.outranks_you": outranks,
  "people.error.exceeds_own_view_rights":
    "Hiermee zou je groepen mensen kunnen zien die je nu niet mag zien: zo'n status kun je jezelf niet geven en zulke zichtrechten kun je niet weggeven. Vraag het iemand die die groepen ziet.",
  "eq.error.exceeds_own_permissions": exceeds,
  "eq.error.outranks_you": outranks,
  "tr.error.exceeds_own_permissions": "Alleen iemand die elk recht heeft dat deze training geeft, mag mensen ervoor laten slagen.",
  "tr.error.outranks_you": outranks,
  "cards.error.exceeds_own_permissions": exceeds,
  "cards.error.outranks_you": outranks,
  "access.endOfYear.skipped":
    "{count, plural, one {# persoon heeft rechten die jij niet hebt en is ongewijzigd gelaten; iemand met die rechten moet dit voor hem of haar uitvoeren.} other {# personen hebben rechten die jij niet hebt en zijn ongewijzigd gelaten; iemand met die rechten moet dit voor hen uitvoeren.}}",
  "mail.emailChange.confirm.subject": "Bevestig je nieuwe inlogadres",
  "mail.emailChange.confirm.body":
    "Hallo,\n\nje hebt gevraagd om voortaan met dit adres in te loggen bij de makerspace.\nBevestig het hier (de link werkt één keer en {hours} uur lang):\n\n{link}\n\nWas jij dit niet, negeer deze mail dan; er verandert niets.\n",
  "mail.emailChange.notice.subject": "Je inlogadres gaat veranderen",
  "mail.emailChange.notice.body":
    "Hallo,\n\niemand die op je makerspace-account was ingelogd, heeft gevraagd het inlogadres te wijzigen in {email}.\nHet verandert pas als de link wordt gebruikt die naar dat adres is gemaild.\n\nWas jij dit niet, wijzig dan nu je wachtwoord en laat het het bestuur weten.\n",
  "mail.emailChange.byAdmin.subject": "Je inlogadres is gewijzigd",
  "mail.emailChange.byAdmin.body":
    "Hallo,\n\neen beheerder heeft het inlogadres van je makerspace-account gewijzigd in {email}. Je bent overal uitgelogd; log in met het nieuwe adres.\n\nHeb je hier niet om gevraagd, neem dan contact op met het bestuur.\n",
  "loginEmail.title": "Inlogadres",
  "loginEmail.current": "Je logt in met {email}.",
  "loginEmail.intro":
    "Geef om het te wijzigen het nieuwe adres en je wachtwoord op. We mailen een link naar het nieuwe adres; je login verandert zodra je die gebruikt. Het contactadres in je profiel hierboven staat daar los van.",
  "loginEmail.new": "Nieuw inlogadres",
  "loginEmail.password": "Je huidige wachtwoord",
  "loginEmail.submit": "Bevestigingslink versturen",
  "loginEmail.sent": "We hebben een link gemaild naar {email}. Je login verandert zodra je die gebruikt.",
  "loginEmail.mailFailed": "De mail kon niet worden verstuurd. Probeer het later opnieuw.",
  "loginEmail.confirm.title": "Bevestig je nieuwe inlogadres",
  "loginEmail.confirm.intro": "Klik op de knop om voortaan met het nieuwe adres in te loggen.",
  "loginEmail.confirm.submit": "Nieuw inlogadres bevestigen",
  "loginEmail.confirmed": "Klaar: log voortaan in met je nieuwe adres.",
  "loginEmail.error.forbidden": "Dat mag je niet doen.",
  "loginEmail.error.not_found": "Deze persoon heeft geen login.",
  "loginEmail.error.invalid_email": "Dit is geen geldig e-mailadres.",
  "loginEmail.error.same_email": "Dit is al het inlogadres.",
  "loginEmail.error.duplicate_email": "Dit e-mailadres wordt al door iemand anders gebruikt.",
  "loginEmail.error.wrong_password": "Het wachtwoord klopt niet.",
  "loginEmail.error.invalid_token": "Deze link is ongeldig, verlopen of al gebruikt. Vraag een nieuwe aan op je profielpagina.",
  "loginEmail.error.exceeds_own_permissions": exceeds,
  "loginEmail.error.outranks_you": outranks,
  "access.title": "Login en rollen",
  "access.loginEmail": "Inlogadres",
  "access.noLogin": "Deze persoon heeft geen login.",
  "access.setLoginEmail": "Inlogadres wijzigen",
  "access.loginEmailSet": "Inlogadres gewijzigd; de persoon is overal uitgelogd en heeft op beide adressen een bericht gekregen.",
  "access.roles": "Direct toegekende rollen",
  "access.rolesHint":
    "Daarnaast geven de lidmaatschapsstatus en commissiefuncties rollen. Je kunt alleen rollen toekennen of afnemen die binnen je eigen rechten vallen.",
  "access.saveRoles": "Rollen opslaan",
  "access.rolesSaved": "Rollen opgeslagen.",
  "access.outranked": "Deze persoon heeft rechten die jij niet hebt: alleen iemand met die rechten mag deze persoon wijzigen.",
  "sessions.everywhere": "Overal uitloggen",
  "sessions.everywhereIntro": "Beëindigt elke sessie van je account op elk apparaat, ook deze (bij een verloren telefoon of een gedeelde computer).",
};
