import type { surfaceEn } from "./surface-en";

/** Het openbare adres van de space en de andere instellingen aan de vertrouwensgrens. */
export const surfaceNl: Record<keyof typeof surfaceEn, string> = {
  "settings.publicUrl": "Openbaar adres van dit systeem",
  "settings.publicUrl.hint":
    "Waar leden het bereiken, bijv. https://makerspace.example.org. Elke link in mails, agendafeeds en QR-etiketten begint met dit adres (nooit met het adres dat een verzoek opgeeft).",
  "mailForm.rate_limited": "Te veel verzoeken voor dit adres of vanaf je netwerk. Wacht even en probeer het opnieuw.",
  "mail.guestName": "daar",
  "mail.guestConfirm.subject": "Bevestig je inschrijving: {title}",
  "mail.guestConfirm.body":
    "Hallo,\n\niemand heeft met dit e-mailadres een plaats gevraagd bij “{title}”. Open deze link om de inschrijving te bevestigen:\n\n{link}\n\nWas jij het niet, negeer deze mail dan: zonder bevestiging gebeurt er niets.\n",
  "mail.signupExisting.subject": "Iemand probeerde zich met jouw adres aan te melden",
  "mail.signupExisting.body":
    "Hallo,\n\niemand heeft zich zojuist als lid aangemeld met dit e-mailadres, dat al een account bij ons heeft. Er is niets gewijzigd.\n\nWas jij het: log in op {login}\nWachtwoord vergeten? Stel een nieuw in op {reset}\n\nWas jij het niet, negeer deze mail dan.\n",
};
