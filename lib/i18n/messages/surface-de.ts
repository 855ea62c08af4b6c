import type { surfaceEn } from "./surface-en";

/** German for surface-en.ts. */
export const surfaceDe: Record<keyof typeof surfaceEn, string> = {
  "settings.publicUrl": "Öffentliche Adresse dieses Systems",
  "settings.publicUrl.hint":
    "Unter der die Mitglieder es erreichen, z. B. https://makerspace.example.org. Jeder Link in Mails, Kalender-Feeds und QR-Etiketten beginnt mit dieser Adresse (nie mit der, die eine Anfrage angibt).",
  "mailForm.rate_limited": "Zu viele Anfragen für diese Adresse oder aus deinem Netz. Bitte warte eine Weile und versuche es dann erneut.",
  "mail.guestName": "Gast",
  "mail.guestConfirm.subject": "Bitte bestätige deine Anmeldung: {title}",
  "mail.guestConfirm.body":
    "Hallo,\n\njemand hat mit dieser E-Mail-Adresse einen Platz bei „{title}“ angefragt. Um die Anmeldung zu bestätigen, öffne diesen Link:\n\n{link}\n\nWarst du das nicht, ignoriere diese Mail: ohne Bestätigung passiert nichts.\n",
  "mail.signupExisting.subject": "Jemand wollte sich mit deiner Adresse anmelden",
  "mail.signupExisting.body":
    "Hallo,\n\ngerade hat jemand mit dieser E-Mail-Adresse einen Mitgliedsantrag gestellt; zu ihr gibt es bei uns schon ein Konto. Geändert wurde nichts.\n\nWarst du das: Anmelden unter {login}\nPasswort vergessen? Ein neues setzt du unter {reset}\n\nWarst du das nicht, ignoriere diese Mail.\n",
};
