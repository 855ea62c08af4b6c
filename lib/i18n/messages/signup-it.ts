import type { signupEn } from "./signup-en";

/** Adesione pubblica, approvazione degli aspiranti soci e importazione CSV delle persone. */
export const signupIt: Record<keyof typeof signupEn, string> = {
  "login.signup": "Sei nuovo? Diventa socio",
  "signup.title": "Diventa socio",
  "signup.intro":
    "Fai domanda di adesione. Ti inviamo un link per confermare il tuo indirizzo email; dopo di che il consiglio direttivo esaminerà la tua domanda.",
  "signup.language": "Lingua preferita",
  "signup.submit": "Invia la domanda",
  "signup.haveAccount": "Hai già un account? Accedi",
  "signup.sent": "Grazie! Apri il link che ti abbiamo appena inviato per confermare il tuo indirizzo email.",
  "signup.again": "Invia di nuovo la domanda",
  "signup.error.rate_limited": "Troppe domande dalla tua rete. Attendi qualche minuto e riprova.",
  "signup.error.duplicate_email": "Questa email è già registrata. Accedi, oppure usa “Password dimenticata?” nella pagina di accesso.",
  "signup.error.invalid_token": "Questo link di conferma non è valido, è scaduto o è già stato usato.",
  "signup.confirm.title": "Conferma il tuo indirizzo email",
  "signup.confirm.intro": "Premi il pulsante per confermare il tuo indirizzo email e completare la domanda.",
  "signup.confirm.submit": "Conferma il mio indirizzo email",
  "signup.confirmed": "Il tuo indirizzo email è confermato. Ora puoi accedere; il consiglio direttivo esaminerà la tua domanda.",

  "applicants.link": "Aspiranti soci ({count})",
  "applicants.title": "Aspiranti soci in attesa di approvazione",
  "applicants.intro":
    "Persone che si sono iscritte e hanno confermato il loro indirizzo email. Approvando diventano soci (con un numero di socio); per rifiutare serve un motivo, che finisce nel loro storico.",
  "applicants.none": "Nessun aspirante socio in attesa.",
  "applicants.confirmedAt": "confermato il {at}",
  "applicants.approve": "Approva",
  "applicants.approveOf": "Approva {name}",
  "applicants.reject": "Rifiuta",
  "applicants.rejectOf": "Rifiuta {name}",
  "applicants.reason": "Motivo del rifiuto",
  "applicants.approved": "Approvato: ora è socio.",
  "applicants.rejected": "La domanda è stata rifiutata.",

  "peopleImport.link": "Importa CSV",
  "peopleImport.title": "Importa persone da CSV",
  "peopleImport.intro":
    "La prima riga contiene i nomi delle colonne (separati da virgola o punto e virgola); firstName e status sono obbligatori. Nulla viene salvato finché non confermi l’anteprima.",
  "peopleImport.file": "File CSV",
  "peopleImport.paste": "… oppure incolla il testo CSV",
  "peopleImport.preview": "Controlla e mostra l’anteprima",
  "peopleImport.confirm": "Importa queste persone",
  "peopleImport.confirmSkipping": "Importa le righe valide, salta quelle con problemi",
  "peopleImport.line": "Riga",
  "peopleImport.field": "Campo",
  "peopleImport.problem": "Problema",
  "peopleImport.name": "Nome",
  "peopleImport.card": "Tessera",
  "peopleImport.good": "Righe pronte per l’importazione",
  "peopleImport.bad": "Righe con problemi",
  "peopleImport.ready": "{rows, plural, one {# riga è pronta.} other {# righe sono pronte.}} Non è ancora stato salvato nulla: conferma qui sotto.",
  "peopleImport.hasErrors":
    "{errors, plural, one {# problema trovato} other {# problemi trovati}}; {rows, plural, one {# riga è valida} other {# righe sono valide}}. Non è ancora stato salvato nulla.",
  "peopleImport.changed": "I dati sono cambiati dopo l’anteprima; non è stato importato nulla. Controlla la nuova anteprima.",
  "peopleImport.done":
    "{created, plural, one {# persona importata} other {# persone importate}}; {skipped, plural, one {# riga saltata} other {# righe saltate}}.",
  "peopleImport.tooLarge": "Il file è vuoto o supera i 5 MB.",
  "login.error.unconfirmed":
    "Il tuo indirizzo email non è ancora confermato. Apri il link che ti abbiamo inviato quando hai fatto domanda. Nessuna email, o il link è scaduto? Chiedine uno nuovo qui.",
  "login.resend.submit": "Invia di nuovo il link di conferma",
  "login.resend.sent":
    "Se {email} appartiene a una domanda in attesa di conferma, un nuovo link è in arrivo (valido 48 ore). Controlla anche la cartella spam.",
  "login.resend.rate_limited":
    "Nell'ultima ora abbiamo già inviato diversi link a questo indirizzo. Controlla la posta in arrivo e lo spam, oppure riprova più tardi.",
  "applicant.title": "La tua domanda",
  "applicant.waiting": "La tua domanda è in attesa di approvazione da parte del direttivo.",
  "applicant.next":
    "Cosa succede ora: il direttivo esamina regolarmente le nuove domande e riceverai un'email non appena avrà deciso. Nel frattempo puoi completare il tuo profilo e iscriverti a un'introduzione, se ne viene offerta una.",
  "applicant.profile": "Completa il mio profilo",
  "applicant.induction": "Introduzioni e corsi",
  "signup.confirmedLoginRequest":
    "Il tuo indirizzo email è confermato. Sei già nei nostri registri: ora un amministratore collegherà il tuo accesso alla tua scheda e ti scriveremo appena potrai accedere.",
  "loginRequests.title": "Richieste di accesso da persone già registrate",
  "loginRequests.intro":
    "Persone nei registri senza accesso che si sono iscritte con il loro indirizzo e lo hanno confermato. Approvando ricevono un accesso sulla loro scheda esistente (con la password che hanno scelto); rifiutando la scheda resta com'è.",
  "loginRequests.none": "Nessuna richiesta di accesso in attesa.",
  "loginRequests.of": "Richiesta di accesso di {name}",
  "loginRequests.approve": "Approva l'accesso",
  "loginRequests.approveOf": "Approva l'accesso di {name}",
  "loginRequests.reject": "Rifiuta",
  "loginRequests.rejectConfirm": "Rifiutare la richiesta di accesso di {name}?",
  "loginRequests.rejectOf": "Rifiuta la richiesta di accesso di {name}",
  "loginRequests.approved": "Approvato: ora può accedere ed è stato avvisato per email.",
  "loginRequests.rejected": "La richiesta di accesso è stata rifiutata.",
  "mail.loginRequest.subject": "Conferma il tuo indirizzo email",
  "mail.loginRequest.body":
    "Ciao {name},\n\nti sei iscritto con un indirizzo che è già nei nostri registri. Confermalo con questo link (valido per {hours} ore):\n\n{link}\n\nDopo di che un amministratore collegherà il tuo accesso alla tua scheda e ti scriveremo appena potrai accedere.\n",
  "mail.loginRequest.approved.subject": "Ora puoi accedere",
  "mail.loginRequest.approved.body":
    "Ciao {name},\n\nil tuo accesso è pronto: accedi con il tuo indirizzo email e la password che hai scelto al momento dell'iscrizione.\n\n{link}\n",
};
