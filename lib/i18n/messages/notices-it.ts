import type { noticesEn } from "./notices-en";

/** Email nei momenti che contano e la loro scelta nel profilo (issue 16). */
export const noticesIt: Record<keyof typeof noticesEn, string> = {
  "mail.application.received.subject": "Abbiamo ricevuto la tua domanda",
  "mail.application.received.body":
    "Ciao {name},\n\ngrazie per aver confermato il tuo indirizzo email. La tua domanda è ora presso il direttivo e riceverai un'email non appena avrà deciso.\n\nNel frattempo puoi accedere e vedere a che punto è la tua domanda:\n{link}\n",
  "mail.application.approved.subject": "Benvenuto: la tua domanda è stata approvata",
  "mail.application.approved.body":
    "Ciao {name},\n\nil direttivo ha approvato la tua domanda. Benvenuto!\n\nIl tuo stato di socio: {status}\nIl tuo numero di socio: {number}\n\nAccedi per vedere la tua iscrizione, i corsi che puoi seguire e le macchine che puoi usare:\n{link}\n",
  "mail.application.rejected.subject": "La tua domanda",
  "mail.application.rejected.body":
    "Ciao {name},\n\nil direttivo ha deciso di non accettare la tua domanda. Se hai domande, rispondi a questa email o parla con il direttivo.\n",
  "mail.status.subject": "Il tuo stato di socio ora è: {status}",
  "mail.status.body": 'Ciao {name},\n\nil tuo stato di socio è cambiato da "{from}" a "{status}".\n\nLa tua iscrizione nella tua pagina iniziale:\n{link}\n',
  "mail.signedUp.subject": "Hai un posto: {type} ({level}), {when}",
  "mail.signedUp.body":
    "Ciao {name},\n\nsei iscritto al corso {type} ({level}) il {when}, sala: {room}.\n\nSe non puoi venire, annulla l'iscrizione in \"Le mie attrezzature\", così qualcuno in lista d'attesa riceve il tuo posto:\n{link}\n",
  "mail.waitlisted.subject": "In lista d'attesa: {type} ({level}), {when}",
  "mail.waitlisted.body":
    "Ciao {name},\n\nil corso {type} ({level}) del {when} è pieno, quindi sei in lista d'attesa. Se si libera un posto è subito tuo e ti scriveremo.\n\n{link}\n",
  "mail.passed.subject": "Superato: {type} ({level})",
  "mail.passed.body": "Ciao {name},\n\ncomplimenti: hai superato il corso {type} ({level}). {until}\n\nLe tue attrezzature:\n{link}\n",
  "mail.passed.until": "La tua autorizzazione è valida fino al {date}.",
  "mail.passed.noExpiry": "La tua autorizzazione non scade.",
  "mail.bookingCancelled.subject": "La tua prenotazione di {machine} è stata annullata",
  "mail.bookingCancelled.body":
    "Ciao {name},\n\nla tua prenotazione di {machine}, {when}, è stata annullata dallo staff dello spazio.\n\nPuoi prenotare un altro orario qui:\n{link}\n",
  "mail.lent.subject": "Preso in prestito: {thing}",
  "mail.lent.body": 'Ciao {name},\n\nhai preso in prestito "{thing}" dallo spazio. Riportalo entro il {due}.\n\nI tuoi prestiti:\n{link}\n',
  "mail.returned.subject": "Restituito: {thing}",
  "mail.returned.body": 'Ciao {name},\n\ngrazie: "{thing}" risulta restituito il {when}.\n',
  "mailPrefs.title": "Email",
  "mailPrefs.intro":
    "Scegli quali email ricevere. Le email sulla tua domanda, sul tuo stato di socio, sui prestiti scaduti e sul tuo accesso vengono sempre inviate.",
  "mailPrefs.training": "Corsi: iscrizione, lista d'attesa, un posto per te, superato, sessioni modificate o annullate, autorizzazioni in scadenza",
  "mailPrefs.loans": "Prestiti: un oggetto prestato a te, un promemoria quando la restituzione si avvicina e la restituzione",
  "mailPrefs.bookings": "Prenotazioni: una tua prenotazione annullata da qualcun altro",
  "mailPrefs.save": "Salva le scelte email",
  "mailPrefs.saved": "Le tue scelte email sono salvate.",
  "mail.dueSoon.subject": "Da restituire il {due}: {thing}",
  "mail.dueSoon.body":
    'Ciao {name},\n\n"{thing}", che hai preso in prestito dallo spazio, va restituito il {due}. Riportalo entro quel giorno, oppure chiedi più tempo.\n\nI tuoi prestiti:\n{link}\n\nPuoi disattivare queste email nella pagina del tuo profilo, alla voce Email.\n',
};
