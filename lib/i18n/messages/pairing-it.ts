import type { pairingEn } from "./pairing-en";

/** Abbinamento delle schede nella pagina di gestione di una macchina. */
export const pairingIt: Record<keyof typeof pairingEn, string> = {
  "pair.title": "Abbinamento della scheda",
  "pair.intro":
    "Una scheda senza credenziali è riconosciuta dal suo numero di serie e dall’indirizzo di rete da cui si collega. Gli altri dispositivi nel Wi-Fi non ricevono decisioni di accesso.",
  "pair.credentials": "La scheda di questa macchina accede con credenziali; l’abbinamento non si applica.",
  "pair.paired": "Scheda abbinata: numero di serie {serial}, IP dichiarato {ip}, collegata da {address}",
  "pair.pairedAt": "Abbinata il {when} ({how}).",
  "pair.how.window": "automaticamente, nella finestra di abbinamento",
  "pair.how.admin": "da un amministratore",
  "pair.none": "Nessuna scheda è abbinata a questa macchina.",
  "pair.unpair": "Annulla l’abbinamento della scheda",
  "pair.unpairConfirm": "Annullare l’abbinamento della scheda {serial}? Non potrà accendere questa macchina finché una scheda non sarà di nuovo abbinata.",
  "pair.window.openUntil":
    "La finestra di abbinamento è aperta fino al {until}: la prossima scheda che si fa sentire per questa macchina viene abbinata automaticamente.",
  "pair.window.openFirst": "La finestra di abbinamento è aperta finché non si fa sentire la prima scheda: quella scheda viene abbinata automaticamente.",
  "pair.window.closed": "La finestra di abbinamento è chiusa.",
  "pair.window.open": "Apri la finestra di abbinamento",
  "pair.window.close": "Chiudi la finestra",
  "pair.window.minutes": "Per",
  "pair.window.15": "15 minuti",
  "pair.window.60": "1 ora",
  "pair.window.1440": "1 giorno",
  "pair.requests.title": "Schede che vogliono questa macchina",
  "pair.requests.none": "Nessun’altra scheda si è fatta sentire per questa macchina.",
  "pair.request":
    "Una nuova scheda vuole la macchina {boardId}: numero di serie {serial}, IP {ip}, da {address}, client id {clientId}, firmware {firmware}; ultimo segnale {when}.",
  "pair.request.claims":
    "Dichiara il numero di serie della scheda abbinata da un altro indirizzo: abbinala se l’indirizzo della scheda è cambiato; altrimenti qualcuno si sta spacciando per essa.",
  "pair.pair": "Abbina",
  "pair.refuse": "Rifiuta",
  "pair.refusedCount": "{count, plural, one {# scheda rifiutata resta esclusa.} other {# schede rifiutate restano escluse.}}",
  "pair.done.paired": "Scheda abbinata. Riceve decisioni di accesso dal suo prossimo messaggio.",
  "pair.done.refused": "Scheda rifiutata.",
  "pair.done.unpaired": "Abbinamento annullato.",
  "pair.done.windowOpened": "Finestra di abbinamento aperta.",
  "pair.done.windowClosed": "Finestra di abbinamento chiusa.",
  "pair.unknown": "sconosciuto",
  "mach.error.has_credentials": "La scheda di questa macchina accede con credenziali; non serve abbinarla.",
};
