import type { formsEn } from "./forms-en";

export const formsIt: Record<keyof typeof formsEn, string> = {
  "form.error.required": "{field}: compila questo campo.",
  "form.error.tooShort": "{field}: almeno {min} caratteri.",
  "form.error.tooLong": "{field}: al massimo {max} caratteri.",
  "form.error.min": "{field}: almeno {min}.",
  "form.error.max": "{field}: al massimo {max}.",
  "form.error.number": "{field}: inserisci un numero intero.",
  "form.error.choice": "{field}: scegli una delle opzioni.",
  "form.error.email": "{field}: inserisci un indirizzo email.",
  "form.error.date": "{field}: inserisci una data.",
  "form.error.format": "{field}: non ha la forma attesa.",
  "form.error.invalid": "{field}: controlla questo valore.",
  "form.error.fields": "Controlla i campi evidenziati: {fields}.",
  "form.error.loggedOut": "Non sei più connesso. Accedi di nuovo; quello che hai scritto è ancora qui sotto.",
  "form.error.forbidden": "Non puoi farlo.",
  "form.error.stale": "Questa pagina non è aggiornata. Ricaricala e riprova.",
  "form.error.unique": "Esiste già: un altro record ha lo stesso valore.",
  "form.error.uniqueField": "{field}: è già in uso.",
  "form.error.foreignKey": "Qualcosa a cui questo si riferisce non esiste più, oppure altri record vi fanno ancora riferimento.",
  "form.error.check": "Il database ha rifiutato un valore che viola una delle sue regole.",
  "form.error.overlap": "Si sovrappone a una voce esistente.",
};
