import type { noticesEn } from "./notices-en";

/** E-mails op de momenten die ertoe doen en de keuze daarvan in het profiel (issue 16). */
export const noticesNl: Record<keyof typeof noticesEn, string> = {
  "mail.application.received.subject": "We hebben je aanmelding ontvangen",
  "mail.application.received.body":
    "Hallo {name},\n\nbedankt voor het bevestigen van je e-mailadres. Je aanmelding ligt nu bij het bestuur, en je krijgt een e-mail zodra het heeft beslist.\n\nTot dan kun je inloggen en zien hoe het met je aanmelding staat:\n{link}\n",
  "mail.application.approved.subject": "Welkom: je aanmelding is goedgekeurd",
  "mail.application.approved.body":
    "Hallo {name},\n\nhet bestuur heeft je aanmelding goedgekeurd. Welkom!\n\nJe lidmaatschapsstatus: {status}\nJe lidnummer: {number}\n\nLog in om je lidmaatschap, de trainingen die je kunt volgen en de machines die je mag gebruiken te zien:\n{link}\n",
  "mail.application.rejected.subject": "Je aanmelding",
  "mail.application.rejected.body":
    "Hallo {name},\n\nhet bestuur heeft besloten je aanmelding niet te aanvaarden. Heb je vragen, beantwoord dan deze mail of spreek het bestuur aan.\n",
  "mail.status.subject": "Je lidmaatschapsstatus is nu: {status}",
  "mail.status.body": 'Hallo {name},\n\nje lidmaatschapsstatus is gewijzigd van "{from}" naar "{status}".\n\nJe lidmaatschap op je startpagina:\n{link}\n',
  "mail.signedUp.subject": "Je hebt een plaats: {type} ({level}), {when}",
  "mail.signedUp.body":
    'Hallo {name},\n\nje bent ingeschreven voor de training {type} ({level}) op {when}, ruimte: {room}.\n\nKun je niet komen, schrijf je dan uit bij "Mijn apparatuur", zodat iemand van de wachtlijst je plaats krijgt:\n{link}\n',
  "mail.waitlisted.subject": "Op de wachtlijst: {type} ({level}), {when}",
  "mail.waitlisted.body":
    "Hallo {name},\n\nde training {type} ({level}) op {when} is vol, dus je staat op de wachtlijst. Komt er een plaats vrij, dan is die meteen van jou en mailen we je.\n\n{link}\n",
  "mail.passed.subject": "Geslaagd: {type} ({level})",
  "mail.passed.body": "Hallo {name},\n\ngefeliciteerd: je bent geslaagd voor de training {type} ({level}). {until}\n\nJe apparatuur:\n{link}\n",
  "mail.passed.until": "Je autorisatie is geldig tot {date}.",
  "mail.passed.noExpiry": "Je autorisatie verloopt niet.",
  "mail.bookingCancelled.subject": "Je reservering van {machine} is geannuleerd",
  "mail.bookingCancelled.body":
    "Hallo {name},\n\nje reservering van {machine}, {when}, is geannuleerd door het team van de space.\n\nHier kun je een ander tijdstip reserveren:\n{link}\n",
  "mail.lent.subject": "Geleend: {thing}",
  "mail.lent.body": 'Hallo {name},\n\nje hebt "{thing}" van de space geleend. Breng het uiterlijk {due} terug.\n\nJe leningen:\n{link}\n',
  "mail.returned.subject": "Teruggebracht: {thing}",
  "mail.returned.body": 'Hallo {name},\n\nbedankt: "{thing}" staat sinds {when} als teruggebracht genoteerd.\n',
  "mailPrefs.title": "E-mails",
  "mailPrefs.intro": "Kies welke e-mails je krijgt. E-mails over je aanmelding, je lidmaatschapsstatus, te late leningen en je login worden altijd verstuurd.",
  "mailPrefs.training": "Trainingen: inschrijving, wachtlijst, een plaats voor jou, geslaagd, gewijzigde of geannuleerde sessies, aflopende autorisaties",
  "mailPrefs.loans": "Leningen: iets dat aan jou is uitgeleend, een herinnering kort voor de terugbrengdatum en de teruggave",
  "mailPrefs.bookings": "Reserveringen: een reservering van jou die iemand anders heeft geannuleerd",
  "mailPrefs.save": "E-mailkeuze opslaan",
  "mailPrefs.saved": "Je e-mailkeuze is opgeslagen.",
  "mail.dueSoon.subject": "Terugbrengen op {due}: {thing}",
  "mail.dueSoon.body":
    'Hallo {name},\n\n"{thing}", dat je van de space hebt geleend, moet op {due} terug zijn. Breng het uiterlijk dan terug, of vraag om meer tijd.\n\nJe leningen:\n{link}\n\nJe kunt deze mails uitzetten op je profielpagina, onder E-mails.\n',
};
