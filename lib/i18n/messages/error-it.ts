import type { errorEn } from "./error-en";

/** I testi delle pagine di errore (anche app/global-error.tsx, che li carica senza il resto del catalogo). */
export const errorIt: Record<keyof typeof errorEn, string> = {
  "error.title": "Qualcosa è andato storto",
  "error.body": "L’errore è stato registrato. Riprova.",
  "error.retry": "Riprova",
  "error.reference": "Riferimento: {digest}",
  "error.referenceHint": "Indica questo riferimento quando segnali l’errore; il registro del server lo riporta con i dettagli.",
  "error.home": "Vai alla pagina iniziale",
};
