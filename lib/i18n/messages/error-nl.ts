import type { errorEn } from "./error-en";

/** De teksten van de foutpagina's (ook app/global-error.tsx, die ze zonder de rest van de catalogus laadt). */
export const errorNl: Record<keyof typeof errorEn, string> = {
  "error.title": "Er ging iets mis",
  "error.body": "De fout is vastgelegd. Probeer het opnieuw.",
  "error.retry": "Opnieuw proberen",
  "error.reference": "Referentie: {digest}",
  "error.referenceHint": "Vermeld deze referentie als je de fout meldt; het logboek van de server noemt haar met de details.",
  "error.home": "Naar de startpagina",
};
