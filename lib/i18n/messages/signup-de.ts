import type { signupEn } from "./signup-en";

export const signupDe: Record<keyof typeof signupEn, string> = {
  "login.signup": "Neu hier? Mitglied werden",
  "signup.title": "Mitglied werden",
  "signup.intro":
    "Beantrage die Mitgliedschaft. Wir schicken dir einen Link zur Bestätigung deiner E-Mail-Adresse; danach sieht sich der Vorstand deinen Antrag an.",
  "signup.language": "Bevorzugte Sprache",
  "signup.submit": "Antrag stellen",
  "signup.haveAccount": "Schon ein Konto? Anmelden",
  "signup.sent": "Danke! Bitte öffne den Link, den wir dir gerade geschickt haben, um deine E-Mail-Adresse zu bestätigen.",
  "signup.again": "Erneut beantragen",
  "signup.error.rate_limited": "Zu viele Anträge aus deinem Netz. Bitte warte ein paar Minuten und versuche es noch einmal.",
  "signup.error.duplicate_email": "Diese E-Mail-Adresse ist schon registriert. Melde dich an oder nutze „Passwort vergessen?“ auf der Anmeldeseite.",
  "signup.error.invalid_token": "Dieser Bestätigungslink ist ungültig, abgelaufen oder schon benutzt.",
  "signup.confirm.title": "E-Mail-Adresse bestätigen",
  "signup.confirm.intro": "Drücke den Knopf, um deine E-Mail-Adresse zu bestätigen und den Antrag abzuschließen.",
  "signup.confirm.submit": "E-Mail-Adresse bestätigen",
  "signup.confirmed": "Deine E-Mail-Adresse ist bestätigt. Du kannst dich jetzt anmelden; der Vorstand sieht sich deinen Antrag an.",

  "applicants.link": "Anträge ({count})",
  "applicants.title": "Offene Mitgliedsanträge",
  "applicants.intro":
    "Personen, die sich angemeldet und ihre E-Mail-Adresse bestätigt haben. Annehmen macht sie zu Mitgliedern (mit Mitgliedsnummer); Ablehnen braucht eine Begründung, die in ihre Historie kommt.",
  "applicants.none": "Keine offenen Anträge.",
  "applicants.confirmedAt": "bestätigt {at}",
  "applicants.approve": "Annehmen",
  "applicants.approveOf": "{name} annehmen",
  "applicants.reject": "Ablehnen",
  "applicants.rejectOf": "{name} ablehnen",
  "applicants.reason": "Begründung der Ablehnung",
  "applicants.approved": "Angenommen: die Person ist jetzt Mitglied.",
  "applicants.rejected": "Der Antrag wurde abgelehnt.",

  "peopleImport.link": "CSV importieren",
  "peopleImport.title": "Personen aus CSV importieren",
  "peopleImport.intro":
    "Die erste Zeile nennt die Spalten (durch Komma oder Strichpunkt getrennt); firstName und status sind Pflicht. Gespeichert wird erst, wenn du die Vorschau bestätigst.",
  "peopleImport.file": "CSV-Datei",
  "peopleImport.paste": "… oder den CSV-Text einfügen",
  "peopleImport.preview": "Prüfen und Vorschau zeigen",
  "peopleImport.confirm": "Diese Personen importieren",
  "peopleImport.confirmSkipping": "Gültige Zeilen importieren, fehlerhafte überspringen",
  "peopleImport.line": "Zeile",
  "peopleImport.field": "Feld",
  "peopleImport.problem": "Problem",
  "peopleImport.name": "Name",
  "peopleImport.card": "Karte",
  "peopleImport.good": "Zeilen bereit zum Import",
  "peopleImport.bad": "Zeilen mit Problemen",
  "peopleImport.ready": "{rows} Zeilen sind bereit. Noch ist nichts gespeichert: unten bestätigen.",
  "peopleImport.hasErrors": "{errors} Probleme gefunden; {rows} Zeilen sind gültig. Noch ist nichts gespeichert.",
  "peopleImport.changed": "Die Daten haben sich seit der Vorschau geändert; nichts wurde importiert. Bitte prüfe die neue Vorschau.",
  "peopleImport.done": "{created, plural, one {# Person} other {# Personen}} importiert; {skipped, plural, one {# Zeile} other {# Zeilen}} übersprungen.",
  "peopleImport.tooLarge": "Die Datei ist leer oder größer als 5 MB.",
  "login.error.unconfirmed":
    "Deine E-Mail-Adresse ist noch nicht bestätigt. Bitte öffne den Link, den wir dir bei deiner Bewerbung geschickt haben. Keine Mail bekommen oder ist der Link abgelaufen? Hier bekommst du einen neuen.",
  "login.resend.submit": "Bestätigungslink erneut senden",
  "login.resend.sent":
    "Wenn {email} zu einer Bewerbung gehört, die auf Bestätigung wartet, ist ein neuer Link unterwegs (48 Stunden gültig). Bitte sieh auch im Spam-Ordner nach.",
  "login.resend.rate_limited":
    "Wir haben in der letzten Stunde schon mehrere Links an diese Adresse geschickt. Bitte sieh in deinem Posteingang und Spam-Ordner nach oder versuche es später.",
  "applicant.title": "Deine Bewerbung",
  "applicant.waiting": "Deine Bewerbung wartet auf die Aufnahme durch den Vorstand.",
  "applicant.next":
    "Wie es weitergeht: Der Vorstand sieht sich neue Bewerbungen regelmäßig an, und du bekommst eine E-Mail, sobald er entschieden hat. Bis dahin kannst du dein Profil vervollständigen und dich für eine Einführung anmelden, falls eine angeboten wird.",
  "applicant.profile": "Mein Profil vervollständigen",
  "applicant.induction": "Einführungen und Einschulungen",
  "signup.confirmedLoginRequest":
    "Deine E-Mail-Adresse ist bestätigt. Du bist bei uns schon erfasst: ein Admin verknüpft jetzt dein Login mit deinem Eintrag, und wir schreiben dir, sobald du dich anmelden kannst.",
  "loginRequests.title": "Login-Anfragen von Personen, die schon erfasst sind",
  "loginRequests.intro":
    "Erfasste Personen ohne Login, die sich mit ihrer Adresse registriert und sie bestätigt haben. Freigeben gibt ihnen ein Login auf ihrem bestehenden Eintrag (mit dem Passwort, das sie gewählt haben); Ablehnen lässt den Eintrag, wie er ist.",
  "loginRequests.none": "Keine Login-Anfragen offen.",
  "loginRequests.of": "Login-Anfrage von {name}",
  "loginRequests.approve": "Login freigeben",
  "loginRequests.approveOf": "Login von {name} freigeben",
  "loginRequests.reject": "Ablehnen",
  "loginRequests.rejectConfirm": "Die Login-Anfrage von {name} ablehnen?",
  "loginRequests.rejectOf": "Login-Anfrage von {name} ablehnen",
  "loginRequests.approved": "Freigegeben: die Person kann sich jetzt anmelden und wurde per Mail informiert.",
  "loginRequests.rejected": "Die Login-Anfrage wurde abgelehnt.",
  "mail.loginRequest.subject": "Bitte bestätige deine E-Mail-Adresse",
  "mail.loginRequest.body":
    "Hallo {name},\n\ndu hast dich mit einer Adresse registriert, die bei uns schon erfasst ist. Bitte bestätige sie mit diesem Link (gültig für {hours} Stunden):\n\n{link}\n\nDanach verknüpft ein Admin dein Login mit deinem Eintrag, und wir schreiben dir, sobald du dich anmelden kannst.\n",
  "mail.loginRequest.approved.subject": "Du kannst dich jetzt anmelden",
  "mail.loginRequest.approved.body":
    "Hallo {name},\n\ndein Login ist bereit: melde dich mit deiner E-Mail-Adresse und dem Passwort an, das du bei der Registrierung gewählt hast.\n\n{link}\n",
};
