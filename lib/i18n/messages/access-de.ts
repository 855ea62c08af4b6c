import type { accessEn } from "./access-en";

const exceeds = "Du kannst nicht mehr vergeben, als du selbst hast: Das würde Rechte verleihen, die du nicht besitzt.";
const outranks = "Diese Person hat Rechte, die du nicht hast. Nur wer diese Rechte selbst hat, darf sie ändern.";

export const accessDe: Record<keyof typeof accessEn, string> = {
  "people.error.exceeds_own_permissions": exceeds,
  "people.error.outranks_you": outranks,
  "people.error.exceeds_own_view_rights":
    "Damit könntest du Personengruppen sehen, die du jetzt nicht sehen darfst: Einen solchen Status kannst du dir nicht selbst geben und solche Sichtrechte nicht vergeben. Bitte jemanden, der diese Gruppen sieht.",
  "eq.error.exceeds_own_permissions": exceeds,
  "eq.error.outranks_you": outranks,
  "tr.error.exceeds_own_permissions": "Nur wer alle Rechte hat, die diese Einschulung verleiht, darf sie als bestanden eintragen.",
  "tr.error.outranks_you": outranks,
  "cards.error.exceeds_own_permissions": exceeds,
  "cards.error.outranks_you": outranks,
  "access.endOfYear.skipped":
    "{count, plural, one {# Person hat Rechte, die du nicht hast, und wurde nicht geändert; das muss jemand mit diesen Rechten erledigen.} other {# Personen haben Rechte, die du nicht hast, und wurden nicht geändert; das muss jemand mit diesen Rechten für sie erledigen.}}",
  "mail.emailChange.confirm.subject": "Bestätige deine neue Login-E-Mail",
  "mail.emailChange.confirm.body":
    "Hallo,\n\ndu möchtest dich ab jetzt mit dieser Adresse im Makerspace anmelden.\nBestätige das hier (der Link funktioniert einmal und {hours} Stunden lang):\n\n{link}\n\nWenn du das nicht warst, ignoriere diese Mail; es ändert sich nichts.\n",
  "mail.emailChange.notice.subject": "Deine Login-E-Mail soll geändert werden",
  "mail.emailChange.notice.body":
    "Hallo,\n\njemand, der in deinem Makerspace-Konto angemeldet ist, möchte die Login-E-Mail auf {email} ändern.\nSie ändert sich erst, wenn der Link an diese Adresse benutzt wird.\n\nWenn du das nicht warst, ändere jetzt dein Passwort und sag dem Vorstand Bescheid.\n",
  "mail.emailChange.byAdmin.subject": "Deine Login-E-Mail wurde geändert",
  "mail.emailChange.byAdmin.body":
    "Hallo,\n\neine Administratorin oder ein Administrator hat die Login-E-Mail deines Makerspace-Kontos auf {email} geändert. Du wurdest überall abgemeldet; melde dich mit der neuen Adresse an.\n\nWenn du das nicht wolltest, wende dich an den Vorstand.\n",
  "loginEmail.title": "Login-E-Mail",
  "loginEmail.current": "Du meldest dich mit {email} an.",
  "loginEmail.intro":
    "Um sie zu ändern, gib die neue Adresse und dein Passwort an. Wir schicken einen Link an die neue Adresse; der Login ändert sich, sobald du ihn benutzt. Die Kontakt-E-Mail in deinem Profil oben ist davon getrennt.",
  "loginEmail.new": "Neue Login-E-Mail",
  "loginEmail.password": "Dein aktuelles Passwort",
  "loginEmail.submit": "Bestätigungslink senden",
  "loginEmail.sent": "Wir haben einen Link an {email} geschickt. Dein Login ändert sich, wenn du ihn benutzt.",
  "loginEmail.mailFailed": "Die Mail konnte nicht verschickt werden. Bitte versuche es später noch einmal.",
  "loginEmail.confirm.title": "Neue Login-E-Mail bestätigen",
  "loginEmail.confirm.intro": "Drück den Knopf, um dich ab jetzt mit der neuen Adresse anzumelden.",
  "loginEmail.confirm.submit": "Neue Login-E-Mail bestätigen",
  "loginEmail.confirmed": "Erledigt: Melde dich ab jetzt mit deiner neuen Adresse an.",
  "loginEmail.error.forbidden": "Das darfst du nicht.",
  "loginEmail.error.not_found": "Diese Person hat keinen Login.",
  "loginEmail.error.invalid_email": "Das ist keine gültige E-Mail-Adresse.",
  "loginEmail.error.same_email": "Das ist bereits die Login-E-Mail.",
  "loginEmail.error.duplicate_email": "Diese E-Mail verwendet bereits eine andere Person.",
  "loginEmail.error.wrong_password": "Das Passwort ist falsch.",
  "loginEmail.error.invalid_token": "Dieser Link ist ungültig, abgelaufen oder schon benutzt. Fordere auf deiner Profilseite einen neuen an.",
  "loginEmail.error.exceeds_own_permissions": exceeds,
  "loginEmail.error.outranks_you": outranks,
  "access.title": "Login und Rollen",
  "access.loginEmail": "Login-E-Mail",
  "access.noLogin": "Diese Person hat keinen Login.",
  "access.setLoginEmail": "Login-E-Mail ändern",
  "access.loginEmailSet": "Login-E-Mail geändert; die Person wurde überall abgemeldet und an beiden Adressen benachrichtigt.",
  "access.roles": "Direkt vergebene Rollen",
  "access.rolesHint":
    "Zusätzlich verleihen der Mitgliedsstatus und Funktionen in Gremien Rollen. Vergeben oder entziehen kannst du nur Rollen innerhalb deiner eigenen Rechte.",
  "access.saveRoles": "Rollen speichern",
  "access.rolesSaved": "Rollen gespeichert.",
  "access.outranked": "Diese Person hat Rechte, die du nicht hast: Nur wer diese Rechte selbst hat, darf sie ändern.",
  "sessions.everywhere": "Überall abmelden",
  "sessions.everywhereIntro": "Beendet alle Sitzungen deines Kontos auf allen Geräten, auch diese (für ein verlorenes Handy oder einen geteilten Computer).",
};
