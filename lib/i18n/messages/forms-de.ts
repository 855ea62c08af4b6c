import type { formsEn } from "./forms-en";

export const formsDe: Record<keyof typeof formsEn, string> = {
  "form.error.required": "{field}: Bitte ausfüllen.",
  "form.error.tooShort": "{field}: Bitte mindestens {min} Zeichen.",
  "form.error.tooLong": "{field}: Bitte höchstens {max} Zeichen.",
  "form.error.min": "{field}: Bitte mindestens {min}.",
  "form.error.max": "{field}: Bitte höchstens {max}.",
  "form.error.number": "{field}: Bitte eine ganze Zahl eingeben.",
  "form.error.choice": "{field}: Bitte eine der Möglichkeiten wählen.",
  "form.error.email": "{field}: Bitte eine E-Mail-Adresse eingeben.",
  "form.error.date": "{field}: Bitte ein Datum eingeben.",
  "form.error.format": "{field}: Das hat nicht die erwartete Form.",
  "form.error.invalid": "{field}: Bitte diesen Wert prüfen.",
  "form.error.fields": "Bitte die markierten Felder prüfen: {fields}.",
  "form.error.loggedOut": "Du bist nicht mehr angemeldet. Bitte melde dich neu an; deine Eingaben stehen unten noch.",
  "form.error.forbidden": "Das darfst du nicht.",
  "form.error.stale": "Diese Seite ist veraltet. Bitte neu laden und noch einmal versuchen.",
  "form.error.unique": "Das gibt es schon: ein anderer Eintrag hat denselben Wert.",
  "form.error.uniqueField": "{field}: Das ist schon vergeben.",
  "form.error.foreignKey": "Etwas, worauf sich das bezieht, gibt es nicht mehr, oder andere Einträge beziehen sich noch darauf.",
  "form.error.check": "Die Datenbank hat einen Wert abgelehnt, der gegen eine ihrer Regeln verstößt.",
  "form.error.overlap": "Das überschneidet sich mit einem vorhandenen Eintrag.",
};
