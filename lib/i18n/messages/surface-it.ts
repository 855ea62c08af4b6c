import type { surfaceEn } from "./surface-en";

/** L’indirizzo pubblico dello spazio e le altre impostazioni al confine di fiducia. */
export const surfaceIt: Record<keyof typeof surfaceEn, string> = {
  "settings.publicUrl": "Indirizzo pubblico di questo sistema",
  "settings.publicUrl.hint":
    "Dove lo raggiungono i soci, p. es. https://makerspace.example.org. Ogni link nelle email, nei feed del calendario e nelle etichette QR inizia con questo indirizzo (mai con quello dichiarato da una richiesta).",
  "mailForm.rate_limited": "Troppe richieste per questo indirizzo o dalla tua rete. Attendi un po’ e riprova.",
  "mail.guestName": "a te",
  "mail.guestConfirm.subject": "Conferma la tua iscrizione: {title}",
  "mail.guestConfirm.body":
    "Ciao,\n\nqualcuno ha chiesto un posto per “{title}” con questo indirizzo email. Per confermare l’iscrizione apri questo link:\n\n{link}\n\nSe non sei stato tu, ignora questa email: senza conferma non succede nulla.\n",
  "mail.signupExisting.subject": "Qualcuno ha provato a iscriversi con il tuo indirizzo",
  "mail.signupExisting.body":
    "Ciao,\n\nqualcuno ha appena fatto domanda di adesione con questo indirizzo email, che ha già un account da noi. Non è stato cambiato nulla.\n\nSe eri tu: accedi da {login}\nPassword dimenticata? Impostane una nuova da {reset}\n\nSe non eri tu, ignora questa email.\n",
};
