import type { noticesEn } from "./notices-en";

/** Mails at the moments that matter and the profile's choice of them (issue 16). */
export const noticesDe: Record<keyof typeof noticesEn, string> = {
  "mail.application.received.subject": "Deine Bewerbung ist bei uns",
  "mail.application.received.body":
    "Hallo {name},\n\ndanke, dass du deine E-Mail-Adresse bestätigt hast. Deine Bewerbung liegt jetzt beim Vorstand, und du bekommst eine E-Mail, sobald er entschieden hat.\n\nBis dahin kannst du dich anmelden und sehen, wie es um deine Bewerbung steht:\n{link}\n",
  "mail.application.approved.subject": "Willkommen: deine Bewerbung ist angenommen",
  "mail.application.approved.body":
    "Hallo {name},\n\nder Vorstand hat deine Bewerbung angenommen. Willkommen!\n\nDein Mitgliedsstatus: {status}\nDeine Mitgliedsnummer: {number}\n\nMelde dich an, um deine Mitgliedschaft, die Einschulungen, die du machen kannst, und die Maschinen, die du nutzen darfst, zu sehen:\n{link}\n",
  "mail.application.rejected.subject": "Deine Bewerbung",
  "mail.application.rejected.body":
    "Hallo {name},\n\nder Vorstand hat entschieden, deine Bewerbung nicht anzunehmen. Wenn du Fragen hast, antworte bitte auf diese Mail oder sprich mit dem Vorstand.\n",
  "mail.status.subject": "Dein Mitgliedsstatus ist jetzt: {status}",
  "mail.status.body":
    "Hallo {name},\n\ndein Mitgliedsstatus hat sich von „{from}“ auf „{status}“ geändert.\n\nDeine Mitgliedschaft auf deiner Startseite:\n{link}\n",
  "mail.signedUp.subject": "Du hast einen Platz: {type} ({level}), {when}",
  "mail.signedUp.body":
    "Hallo {name},\n\ndu bist für die Einschulung {type} ({level}) am {when} angemeldet, Raum: {room}.\n\nWenn du nicht kommen kannst, melde dich bitte unter „Meine Geräte“ ab, damit jemand von der Warteliste deinen Platz bekommt:\n{link}\n",
  "mail.waitlisted.subject": "Auf der Warteliste: {type} ({level}), {when}",
  "mail.waitlisted.body":
    "Hallo {name},\n\ndie Einschulung {type} ({level}) am {when} ist voll, du stehst auf der Warteliste. Wird ein Platz frei, gehört er sofort dir, und wir schreiben dir.\n\n{link}\n",
  "mail.passed.subject": "Bestanden: {type} ({level})",
  "mail.passed.body": "Hallo {name},\n\ngratuliere: du hast die Einschulung {type} ({level}) bestanden. {until}\n\nDeine Geräte:\n{link}\n",
  "mail.passed.until": "Deine Berechtigung gilt bis {date}.",
  "mail.passed.noExpiry": "Deine Berechtigung läuft nicht ab.",
  "mail.bookingCancelled.subject": "Deine Buchung von {machine} wurde storniert",
  "mail.bookingCancelled.body":
    "Hallo {name},\n\ndeine Buchung von {machine}, {when}, wurde vom Team des Space storniert.\n\nHier kannst du eine andere Zeit buchen:\n{link}\n",
  "mail.lent.subject": "Ausgeliehen: {thing}",
  "mail.lent.body": "Hallo {name},\n\ndu hast „{thing}“ vom Space ausgeliehen. Bitte bring es bis {due} zurück.\n\nDeine Leihgaben:\n{link}\n",
  "mail.returned.subject": "Zurückgegeben: {thing}",
  "mail.returned.body": "Hallo {name},\n\ndanke: „{thing}“ ist seit {when} als zurückgegeben eingetragen.\n",
  "mailPrefs.title": "E-Mails",
  "mailPrefs.intro":
    "Wähle, welche E-Mails du bekommst. E-Mails zu deiner Bewerbung, deinem Mitgliedsstatus, überfälligen Leihgaben und deinem Login werden immer geschickt.",
  "mailPrefs.training": "Einschulungen: Anmeldung, Warteliste, ein Platz für dich, bestanden, geänderte oder abgesagte Termine, ablaufende Berechtigungen",
  "mailPrefs.loans": "Leihgaben: etwas an dich verliehen, eine Erinnerung kurz vor der Rückgabe und die Rückgabe selbst",
  "mailPrefs.bookings": "Buchungen: eine Buchung von dir, die jemand anderer storniert hat",
  "mailPrefs.save": "E-Mail-Auswahl speichern",
  "mailPrefs.saved": "Deine E-Mail-Auswahl ist gespeichert.",
  "mail.dueSoon.subject": "Rückgabe am {due}: {thing}",
  "mail.dueSoon.body":
    "Hallo {name},\n\n„{thing}“, das du vom Space ausgeliehen hast, ist am {due} zurückzugeben. Bitte bring es bis dahin zurück oder frag nach mehr Zeit.\n\nDeine Leihgaben:\n{link}\n\nDiese Mails kannst du auf deiner Profilseite unter „E-Mails“ abschalten.\n",
};
