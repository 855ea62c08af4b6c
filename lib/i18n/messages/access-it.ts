import type { accessEn } from "./access-en";

const exceeds = "Non puoi concedere più di quanto hai tu: questo darebbe permessi che non hai.";
const outranks = "Questa persona ha permessi che tu non hai, quindi solo chi li ha può modificarla.";

/** Limitazione dei privilegi, cambio dell’email di accesso e sessioni. */
export const accessIt: Record<keyof typeof accessEn, string> = {
  "people.error.exceeds_own_permissions": exceeds,
  "people.error.outranks_you": outranks,
  "people.error.exceeds_own_view_rights":
    "Così potresti vedere gruppi di persone che ora non puoi vedere: non puoi darti da solo uno stato del genere né concedere tali diritti di visibilità. Chiedi a qualcuno che vede quei gruppi.",
  "eq.error.exceeds_own_permissions": exceeds,
  "eq.error.outranks_you": outranks,
  "tr.error.exceeds_own_permissions": "Solo chi ha tutti i permessi che questa formazione conferisce può dichiararla superata.",
  "tr.error.outranks_you": outranks,
  "cards.error.exceeds_own_permissions": exceeds,
  "cards.error.outranks_you": outranks,
  "access.endOfYear.skipped":
    "{count, plural, one {# persona ha permessi che tu non hai ed è stata lasciata com’era; deve occuparsene qualcuno che li ha.} other {# persone hanno permessi che tu non hai e sono state lasciate com’erano; deve occuparsene qualcuno che li ha.}}",
  "mail.emailChange.confirm.subject": "Conferma la tua nuova email di accesso",
  "mail.emailChange.confirm.body":
    "Ciao,\n\nhai chiesto di accedere d’ora in poi al makerspace con questo indirizzo.\nConfermalo qui (il link funziona una sola volta e per {hours} ore):\n\n{link}\n\nSe non sei stato tu, ignora questa email: non cambia nulla.\n",
  "mail.emailChange.notice.subject": "La tua email di accesso sta per cambiare",
  "mail.emailChange.notice.body":
    "Ciao,\n\nqualcuno collegato al tuo account del makerspace ha chiesto di cambiare l’email di accesso in {email}.\nCambia solo quando viene usato il link inviato a quell’indirizzo.\n\nSe non sei stato tu, cambia subito la password e avvisa il consiglio direttivo.\n",
  "mail.emailChange.byAdmin.subject": "La tua email di accesso è stata cambiata",
  "mail.emailChange.byAdmin.body":
    "Ciao,\n\nun amministratore ha cambiato l’email di accesso del tuo account del makerspace in {email}. Sei stato disconnesso ovunque; accedi con il nuovo indirizzo.\n\nSe non l’hai chiesto tu, contatta il consiglio direttivo.\n",
  "loginEmail.title": "Email di accesso",
  "loginEmail.current": "Accedi con {email}.",
  "loginEmail.intro":
    "Per cambiarla, indica il nuovo indirizzo e la tua password. Inviamo un link al nuovo indirizzo; l’accesso cambia quando lo usi. L’email di contatto nel tuo profilo qui sopra è un’altra cosa.",
  "loginEmail.new": "Nuova email di accesso",
  "loginEmail.password": "La tua password attuale",
  "loginEmail.submit": "Invia link di conferma",
  "loginEmail.sent": "Abbiamo inviato un link a {email}. L’accesso cambia quando lo usi.",
  "loginEmail.mailFailed": "Non è stato possibile inviare l’email. Riprova più tardi.",
  "loginEmail.confirm.title": "Conferma la tua nuova email di accesso",
  "loginEmail.confirm.intro": "Premi il pulsante per accedere d’ora in poi con il nuovo indirizzo.",
  "loginEmail.confirm.submit": "Conferma la nuova email di accesso",
  "loginEmail.confirmed": "Fatto: d’ora in poi accedi con il nuovo indirizzo.",
  "loginEmail.error.forbidden": "Non ti è permesso farlo.",
  "loginEmail.error.not_found": "Questa persona non ha un accesso.",
  "loginEmail.error.invalid_email": "Questo non è un indirizzo email valido.",
  "loginEmail.error.same_email": "È già l’email di accesso.",
  "loginEmail.error.duplicate_email": "Questa email è già usata da un’altra persona.",
  "loginEmail.error.wrong_password": "La password è errata.",
  "loginEmail.error.invalid_token": "Questo link non è valido, è scaduto o è già stato usato. Richiedine uno nuovo nella pagina del tuo profilo.",
  "loginEmail.error.exceeds_own_permissions": exceeds,
  "loginEmail.error.outranks_you": outranks,
  "access.title": "Accesso e ruoli",
  "access.loginEmail": "Email di accesso",
  "access.noLogin": "Questa persona non ha un accesso.",
  "access.setLoginEmail": "Cambia email di accesso",
  "access.loginEmailSet": "Email di accesso cambiata; la persona è stata disconnessa ovunque e ha ricevuto un avviso a entrambi gli indirizzi.",
  "access.roles": "Ruoli assegnati direttamente",
  "access.rolesHint":
    "Oltre a questi, lo stato associativo e le cariche nelle commissioni conferiscono ruoli. Puoi assegnare o togliere solo ruoli che rientrano nei tuoi permessi.",
  "access.saveRoles": "Salva ruoli",
  "access.rolesSaved": "Ruoli salvati.",
  "access.outranked": "Questa persona ha permessi che tu non hai: solo chi li ha può modificarla.",
  "sessions.everywhere": "Esci ovunque",
  "sessions.everywhereIntro": "Chiude ogni sessione del tuo account su ogni dispositivo, compreso questo (per un telefono smarrito o un computer condiviso).",
};
