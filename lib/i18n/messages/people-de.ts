import type { peopleEn } from "./people-en";

export const peopleDe: Record<keyof typeof peopleEn, string> = {
  "mail.signup.subject": "Bitte bestätige deinen Mitgliedsantrag",
  "mail.signup.body":
    "Hallo {name},\n\ndanke für deinen Antrag beim Makerspace. Bitte bestätige deine E-Mail-Adresse mit diesem Link (gültig für {hours} Stunden):\n\n{link}\n\nDanach sieht sich der Vorstand deinen Antrag an.\n",
  "mail.audit.subject": "{count} neue Änderungen ({changeType})",
  "mail.audit.body": "Neue Einträge im Änderungsprotokoll zu \"{changeType}\":\n\n{entries}\n\n{link}\n",

  "people.error.forbidden": "Das darfst du nicht.",
  "people.error.not_found": "Diesen Eintrag gibt es nicht (mehr).",
  "people.error.invalid": "Bitte prüfe das Feld \"{field}\".",
  "people.error.duplicate_email": "Diese E-Mail-Adresse verwendet bereits eine andere Person (Feld \"E-Mail\").",
  "people.error.duplicate_name": "Dieser Name oder Schlüssel ist schon vergeben (Feld \"{field}\").",
  "people.error.date_range": "Das Enddatum liegt vor dem Anfangsdatum (Feld \"{field}\").",
  "people.error.main_address": "Eine Person hat genau eine Hauptadresse.",
  "people.error.needs_confirmation": "Diese Person ist gesperrt: Bestätige das Löschen ausdrücklich und gib einen Grund an.",
  "people.error.invalid_token": "Dieser Link ist ungültig, abgelaufen oder schon verwendet.",
  "people.error.card_uid": "Eine Karten-UID hat 8 hexadezimale Ziffern (Feld \"{field}\").",
  "people.error.in_use": "Das wird noch verwendet.",
  "people.saved": "Gespeichert.",
};
