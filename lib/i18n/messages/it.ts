import type { Catalog } from "./en";
import { communityIt } from "./community-it";
import { calendarIt } from "./calendar-it";
import { opsIt } from "./ops-it";
import { equipmentIt } from "./equipment-it";
import { trainingIt } from "./training-it";
import { inventoryIt } from "./inventory-it";
import { peopleIt } from "./people-it";
import { peopleAdminIt } from "./people-admin-it";
import { machinesIt } from "./machines-it";
import { signupIt } from "./signup-it";
import { partnerPhotoIt } from "./partner-photo-it";
import { apiIt } from "./api-it";
import { webhooksIt } from "./webhooks-it";
import { accessIt } from "./access-it";
import { integrationsIt } from "./integrations-it";
import { surfaceIt } from "./surface-it";
import { importIt } from "./import-it";
import { pairingIt } from "./pairing-it";
import { formsIt } from "./forms-it";
import { invitationsIt } from "./invitations-it";
import { wordingIt } from "./wording-it";
import { noticesIt } from "./notices-it";
import { ssoIt } from "./sso-it";
import { navigationIt } from "./navigation-it";
import { historyIt } from "./history-it";
import { auditLabelsIt } from "./audit-labels-it";
import { columnsIt } from "./columns-it";
import { rolesIt } from "./roles-it";
import { recordIt } from "./record-it";
import { studyFieldsIt } from "./study-fields-it";
import { errorIt } from "./error-it";

/** Italian, as an Italian club speaks it (tu, socio/ex socio, consiglio direttivo, tessera, scheda, abilitazione). Every key of the English catalog (catalog-completeness.test.ts). */
export const it: Catalog = {
  ...communityIt,
  ...calendarIt,
  ...opsIt,
  ...equipmentIt,
  ...trainingIt,
  ...inventoryIt,
  ...peopleIt,
  ...peopleAdminIt,
  ...machinesIt,
  ...signupIt,
  ...partnerPhotoIt,
  ...apiIt,
  ...webhooksIt,
  ...accessIt,
  ...integrationsIt,
  ...surfaceIt,
  ...importIt,
  ...pairingIt,
  ...formsIt,
  ...invitationsIt,
  ...wordingIt,
  ...noticesIt,
  ...ssoIt,
  ...navigationIt,
  ...historyIt,
  ...auditLabelsIt,
  ...columnsIt,
  ...rolesIt,
  ...recordIt,
  ...studyFieldsIt,
  ...errorIt,
  "app.name": "Makerspace",
  "nav.start": "Inizio",
  "nav.home": "Il mio spazio",
  "nav.people": "Persone",
  "nav.login": "Accedi",
  "nav.logout": "Esci",
  "nav.language": "Lingua",
  "nav.main": "Navigazione principale",
  "nav.signedInAs": "Accesso come {name}",
  "lang.en": "English",
  "lang.de": "Deutsch",
  "lang.nl": "Nederlands",
  "lang.it": "Italiano",

  "start.title": "Benvenuti nel makerspace",
  "start.intro": "Soci, formazione, macchine e calendario del nostro laboratorio in un unico posto.",
  "start.loginCta": "Accedi",
  "start.homeCta": "Vai al mio spazio",

  "login.title": "Accedi",
  "login.again": "Il servizio da cui arrivi ti chiede di accedere di nuovo per confermare che sei tu.",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Accedi",
  "login.forgot": "Password dimenticata?",
  "login.error.invalid": "Email o password errata.",
  "login.error.rate_limited": "Troppi tentativi falliti. Attendi qualche minuto e riprova.",
  "login.error.not_allowed": "Questo account non può accedere. Contatta il consiglio direttivo.",
  "login.error.validation": "Inserisci email e password.",

  "forgot.title": "Password dimenticata?",
  "forgot.intro": "Inserisci l’email del tuo account. Ti invieremo un link per scegliere una nuova password.",
  "forgot.submit": "Invia link",
  "forgot.sent": "Se esiste un account con questa email, il link è in arrivo. È valido per un’ora.",
  "forgot.error.validation": "Inserisci un’email valida.",
  "forgot.back": "Torna all’accesso",

  "reset.title": "Scegli una nuova password",
  "reset.password": "Nuova password",
  "reset.confirm": "Ripeti la nuova password",
  "reset.submit": "Salva password",
  "reset.hint": "Almeno {min} caratteri.",
  "reset.error.invalid_token": "Questo link non è valido, è scaduto o è già stato usato. Richiedine uno nuovo.",
  "reset.error.weak_password": "La password deve avere almeno {min} caratteri.",
  "reset.error.mismatch": "Le due password sono diverse.",
  "reset.done": "La password è stata cambiata. Ora puoi accedere.",
  "reset.requestNew": "Richiedi un nuovo link",

  "home.title": "Il mio spazio",
  "home.greeting": "Ciao, {name}",
  "home.membership": "La mia iscrizione",
  "home.status": "Stato",
  "home.memberNumber": "Numero di socio",
  "home.noMemberNumber": "non ancora assegnato",
  "home.memberSince": "Socio dal",
  "home.cards": "Le mie tessere",
  "home.noCards": "Non hai ancora una tessera.",
  "home.card.uid": "Tessera",
  "home.card.state": "Stato",
  "home.card.issued": "Rilasciata",
  "home.equipment": "Le mie attrezzature",
  "home.noEquipment": "Non sei ancora abilitato su nessuna attrezzatura.",
  "home.equipment.type": "Attrezzatura",
  "home.equipment.level": "Livello",
  "home.equipment.expires": "Valida fino al",
  "home.equipment.noExpiry": "senza scadenza",

  "card.state.active": "attiva",
  "card.state.lost": "smarrita",
  "card.state.revoked": "revocata",
  "level.user": "utilizzatore",
  "level.owner": "responsabile",
  "level.trainer": "formatore",
  "status.applicant": "Aspirante socio",
  "status.member": "Socio",
  "status.supporting": "Socio sostenitore",
  "status.former": "Ex socio",
  "status.banned": "Espulso",

  "people.title": "Persone",
  "people.search": "Cerca",
  "people.searchPlaceholder": "Nome, email, numero di socio o tessera",
  "people.col.number": "N.",
  "people.col.name": "Nome",
  "people.col.email": "Email",
  "people.col.status": "Stato",
  "people.none": "Nessuno corrisponde a questa ricerca.",
  "people.count": "{count, plural, one {# persona} other {# persone}}",
  "people.countMore": "Più di {count, number} persone: sono elencate le prime {count, number}. Restringi la ricerca per vedere le altre.",
  "people.prev": "Precedente",
  "people.next": "Successiva",
  "people.page": "Pagina {page} di {pages}",
  "people.formerMember": "Ex socio #{number}",

  "forbidden.title": "Non consentito",
  "forbidden.body": "Il tuo account non ha il permesso di aprire questa pagina.",
  "forbidden.back": "Torna al mio spazio",
  "notFound.title": "Pagina non trovata",
  "notFound.body": "A questo indirizzo non c’è nessuna pagina.",
  "loading.status": "Caricamento …",

  "mail.reset.subject": "La tua nuova password del makerspace",
  "mail.reset.body":
    "Ciao,\n\nqualcuno (speriamo tu) ha chiesto di reimpostare la password del tuo account del makerspace.\nScegli qui una nuova password (il link funziona una sola volta e per {minutes} minuti):\n\n{link}\n\nSe non sei stato tu, ignora questa email: la tua password resta invariata.\n",
};
