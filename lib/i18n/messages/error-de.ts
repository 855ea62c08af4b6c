import type { errorEn } from "./error-en";

/** Die Texte der Fehlerseiten (auch app/global-error.tsx, die sie ohne den Rest des Katalogs lädt). */
export const errorDe: Record<keyof typeof errorEn, string> = {
  "error.title": "Etwas ist schiefgegangen",
  "error.body": "Der Fehler wurde protokolliert. Bitte versuche es erneut.",
  "error.retry": "Erneut versuchen",
  "error.reference": "Referenz: {digest}",
  "error.referenceHint": "Gib diese Referenz an, wenn du den Fehler meldest; das Protokoll des Servers führt sie mit den Einzelheiten.",
  "error.home": "Zur Startseite",
};
