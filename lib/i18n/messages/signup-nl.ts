import type { signupEn } from "./signup-en";

/** Openbare aanmelding, goedkeuring van aspirant-leden en de CSV-import van personen. */
export const signupNl: Record<keyof typeof signupEn, string> = {
  "login.signup": "Nieuw hier? Word lid",
  "signup.title": "Word lid",
  "signup.intro": "Meld je aan als lid. We mailen je een link om je e-mailadres te bevestigen; daarna bekijkt het bestuur je aanmelding.",
  "signup.language": "Voorkeurstaal",
  "signup.submit": "Aanmelden",
  "signup.haveAccount": "Heb je al een account? Log in",
  "signup.sent": "Bedankt! Open de link die we je net gemaild hebben om je e-mailadres te bevestigen.",
  "signup.again": "Opnieuw aanmelden",
  "signup.error.rate_limited": "Te veel aanmeldingen vanaf je netwerk. Wacht een paar minuten en probeer het opnieuw.",
  "signup.error.duplicate_email": "Dit e-mailadres is al geregistreerd. Log in, of gebruik “Wachtwoord vergeten?” op de inlogpagina.",
  "signup.error.invalid_token": "Deze bevestigingslink is ongeldig, verlopen of al gebruikt.",
  "signup.confirm.title": "Bevestig je e-mailadres",
  "signup.confirm.intro": "Klik op de knop om je e-mailadres te bevestigen en je aanmelding af te ronden.",
  "signup.confirm.submit": "Mijn e-mailadres bevestigen",
  "signup.confirmed": "Je e-mailadres is bevestigd. Je kunt nu inloggen; het bestuur bekijkt je aanmelding.",

  "applicants.link": "Aspirant-leden ({count})",
  "applicants.title": "Aspirant-leden die op goedkeuring wachten",
  "applicants.intro":
    "Mensen die zich hebben aangemeld en hun e-mailadres hebben bevestigd. Goedkeuren maakt hen lid (met een lidnummer); afwijzen vraagt om een reden, die in hun geschiedenis komt.",
  "applicants.none": "Er wachten geen aspirant-leden.",
  "applicants.confirmedAt": "bevestigd {at}",
  "applicants.approve": "Goedkeuren",
  "applicants.approveOf": "{name} goedkeuren",
  "applicants.reject": "Afwijzen",
  "applicants.rejectOf": "{name} afwijzen",
  "applicants.reason": "Reden van afwijzing",
  "applicants.approved": "Goedgekeurd: deze persoon is nu lid.",
  "applicants.rejected": "De aanmelding is afgewezen.",

  "peopleImport.link": "CSV importeren",
  "peopleImport.title": "Personen importeren uit CSV",
  "peopleImport.intro":
    "De eerste regel bevat de kolomnamen (gescheiden door komma of puntkomma); firstName en status zijn verplicht. Er wordt niets opgeslagen tot je het voorbeeld bevestigt.",
  "peopleImport.file": "CSV-bestand",
  "peopleImport.paste": "… of plak de CSV-tekst",
  "peopleImport.preview": "Controleren en voorbeeld tonen",
  "peopleImport.confirm": "Deze personen importeren",
  "peopleImport.confirmSkipping": "De geldige rijen importeren, de rijen met problemen overslaan",
  "peopleImport.line": "Regel",
  "peopleImport.field": "Veld",
  "peopleImport.problem": "Probleem",
  "peopleImport.name": "Naam",
  "peopleImport.card": "Pas",
  "peopleImport.good": "Rijen klaar om te importeren",
  "peopleImport.bad": "Rijen met problemen",
  "peopleImport.ready": "{rows, plural, one {# rij is klaar.} other {# rijen zijn klaar.}} Er is nog niets opgeslagen: bevestig hieronder.",
  "peopleImport.hasErrors":
    "{errors, plural, one {# probleem} other {# problemen}} gevonden; {rows, plural, one {# rij is} other {# rijen zijn}} geldig. Er is nog niets opgeslagen.",
  "peopleImport.changed": "De gegevens zijn sinds het voorbeeld gewijzigd; er is niets geïmporteerd. Bekijk het nieuwe voorbeeld.",
  "peopleImport.done": "{created, plural, one {# persoon} other {# personen}} geïmporteerd; {skipped, plural, one {# rij} other {# rijen}} overgeslagen.",
  "peopleImport.tooLarge": "Het bestand is leeg of groter dan 5 MB.",
  "login.error.unconfirmed":
    "Je e-mailadres is nog niet bevestigd. Open de link die we je stuurden toen je je aanmeldde. Geen mail gekregen of is de link verlopen? Vraag hier een nieuwe aan.",
  "login.resend.submit": "Stuur de bevestigingslink opnieuw",
  "login.resend.sent": "Als {email} bij een aanmelding hoort die op bevestiging wacht, is er een nieuwe link onderweg (48 uur geldig). Kijk ook in je spammap.",
  "login.resend.rate_limited":
    "We hebben het afgelopen uur al meerdere links naar dit adres gestuurd. Kijk in je inbox en spammap, of probeer het later opnieuw.",
  "applicant.title": "Je aanmelding",
  "applicant.waiting": "Je aanmelding wacht op goedkeuring door het bestuur.",
  "applicant.next":
    "Hoe het verder gaat: het bestuur bekijkt nieuwe aanmeldingen regelmatig en je krijgt een e-mail zodra het heeft beslist. Tot dan kun je je profiel aanvullen en je inschrijven voor een introductie, als die wordt aangeboden.",
  "applicant.profile": "Mijn profiel aanvullen",
  "applicant.induction": "Introducties en trainingen",
  "signup.confirmedLoginRequest":
    "Je e-mailadres is bevestigd. Je staat al in onze administratie: een beheerder koppelt nu je login aan je gegevens, en we mailen je zodra je kunt inloggen.",
  "loginRequests.title": "Loginverzoeken van mensen die al bekend zijn",
  "loginRequests.intro":
    "Mensen in de administratie zonder login die zich met hun adres hebben aangemeld en het hebben bevestigd. Goedkeuren geeft ze een login op hun bestaande gegevens (met het wachtwoord dat ze kozen); afwijzen laat de gegevens zoals ze zijn.",
  "loginRequests.none": "Er wachten geen loginverzoeken.",
  "loginRequests.of": "Loginverzoek van {name}",
  "loginRequests.approve": "Login goedkeuren",
  "loginRequests.approveOf": "Login van {name} goedkeuren",
  "loginRequests.reject": "Afwijzen",
  "loginRequests.rejectConfirm": "Het inlogverzoek van {name} afwijzen?",
  "loginRequests.rejectOf": "Loginverzoek van {name} afwijzen",
  "loginRequests.approved": "Goedgekeurd: diegene kan nu inloggen en heeft een mail gekregen.",
  "loginRequests.rejected": "Het loginverzoek is afgewezen.",
  "mail.loginRequest.subject": "Bevestig je e-mailadres",
  "mail.loginRequest.body":
    "Hallo {name},\n\nje hebt je aangemeld met een adres dat al in onze administratie staat. Bevestig het met deze link (geldig gedurende {hours} uur):\n\n{link}\n\nDaarna koppelt een beheerder je login aan je gegevens, en we mailen je zodra je kunt inloggen.\n",
  "mail.loginRequest.approved.subject": "Je kunt nu inloggen",
  "mail.loginRequest.approved.body":
    "Hallo {name},\n\nje login is klaar: log in met je e-mailadres en het wachtwoord dat je bij het aanmelden hebt gekozen.\n\n{link}\n",
};
