import type { formsEn } from "./forms-en";

export const formsNl: Record<keyof typeof formsEn, string> = {
  "form.error.required": "{field}: vul dit in.",
  "form.error.tooShort": "{field}: minstens {min} tekens.",
  "form.error.tooLong": "{field}: hoogstens {max} tekens.",
  "form.error.min": "{field}: minstens {min}.",
  "form.error.max": "{field}: hoogstens {max}.",
  "form.error.number": "{field}: vul een geheel getal in.",
  "form.error.choice": "{field}: kies een van de mogelijkheden.",
  "form.error.email": "{field}: vul een e-mailadres in.",
  "form.error.date": "{field}: vul een datum in.",
  "form.error.format": "{field}: dit heeft niet de verwachte vorm.",
  "form.error.invalid": "{field}: controleer deze waarde.",
  "form.error.fields": "Controleer de gemarkeerde velden: {fields}.",
  "form.error.loggedOut": "Je bent niet meer ingelogd. Log opnieuw in; wat je hebt ingevuld staat hieronder nog.",
  "form.error.forbidden": "Dat mag je niet.",
  "form.error.stale": "Deze pagina is verouderd. Laad haar opnieuw en probeer het nog eens.",
  "form.error.unique": "Dit bestaat al: een ander gegeven heeft dezelfde waarde.",
  "form.error.uniqueField": "{field}: dit is al in gebruik.",
  "form.error.foreignKey": "Iets waarnaar dit verwijst bestaat niet meer, of andere gegevens verwijzen er nog naar.",
  "form.error.check": "De database weigerde een waarde die een van haar regels overtreedt.",
  "form.error.overlap": "Dit overlapt met een bestaand item.",
};
