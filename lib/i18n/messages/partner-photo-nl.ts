import type { partnerPhotoEn } from "./partner-photo-en";

/** Partnerkoppelingen en profielfoto’s. */
export const partnerPhotoNl: Record<keyof typeof partnerPhotoEn, string> = {
  "partner.title": "Partner",
  "partner.consent.label": "Elkaars gegevens bewerken",
  "partner.consent.both":
    "Jullie hebben allebei ingestemd: ieder van jullie mag de profielgegevens en adressen van de ander bewerken (niet het e-mailadres, de zichtbaarheid, status of toegang).",
  "partner.consent.mine":
    "Jij hebt ingestemd dat jullie elkaars gegevens bewerken; je partner (nog) niet. Tot jullie allebei instemmen, bewerkt alleen het bestuur ze.",
  "partner.consent.theirs":
    "Je partner heeft ingestemd dat jullie elkaars gegevens bewerken; jij niet. Tot jullie allebei instemmen, bewerkt alleen het bestuur ze.",
  "partner.consent.none": "Geen van jullie heeft ingestemd met het bewerken van elkaars gegevens; het bestuur bewerkt ze.",
  "partner.consent.agree": "Ik stem ermee in dat we elkaars gegevens bewerken",
  "partner.consent.withdraw": "Mijn instemming intrekken",
  "partner.consent.saved": "Opgeslagen.",
  "partner.edit.link": "Gegevens van {name} bewerken",
  "partner.edit.title": "{name}: profielgegevens",
  "partner.edit.none": "Je hebt geen gekoppelde partner.",
  "partner.edit.notAgreed": "Je mag de gegevens van je partner alleen bewerken zolang jullie allebei instemmen (zie je profiel).",
  "partner.edit.intro":
    "Je bewerkt de profielgegevens van je partner omdat jullie allebei hebben ingestemd. E-mailadres, zichtbaarheid, status en toegang blijven bij je partner en het bestuur.",
  "partner.none": "Geen partner gekoppeld.",
  "partner.rateHint": "Partners kunnen een lidmaatschap met partnertarief krijgen: {types}.",
  "partner.mayEdit.yes": "allebei ingestemd: ze mogen elkaars gegevens bewerken",
  "partner.mayEdit.no": "ze mogen elkaars gegevens niet bewerken",
  "partner.share": "Delen met partner",
  "partner.shareOf": "{address} delen met de partner",
  "partner.outsideViewRights":
    "Deze partner valt buiten de groepen die je mag zien: alleen wie hen mag zien kan adressen met hen delen of de koppeling wijzigen.",
  "partner.unlink": "Partner ontkoppelen",
  "partner.unlinkConfirm": "{name} als partner ontkoppelen? Gedeelde adressen blijven bij hun eigenaar.",
  "partner.link": "Partner koppelen",
  "partner.ref": "Lidnummer of e-mailadres van de partner",
  "partner.mayEditLabel": "Beide partners gaan ermee akkoord elkaars gegevens te bewerken (legt de instemming van beiden vast; ieder kan die intrekken)",
  "partner.notFound": "Niemand heeft dit lidnummer of e-mailadres (veld “Lidnummer of e-mailadres van de partner”).",
  "partner.self.sharedAddress": "Gedeeld adres: {address}",

  "photo.title": "Foto",
  "photo.of": "Foto van {name}",
  "photo.none": "Nog geen foto.",
  "photo.file": "Fotobestand",
  "photo.hint": "JPEG, PNG, WebP, GIF of HEIF, hooguit 10 MB. Wie hem ziet, volgt de zichtbaarheid van het veld “foto”.",
  "photo.tooLarge": "De foto is groter dan 10 MB.",
  "photo.upload": "Foto uploaden",
  "photo.remove": "Foto verwijderen",
  "photo.removeConfirm": "De foto van {name} verwijderen?",
  "photo.missing": "Kies een fotobestand.",
  "photo.notImage": "Het bestand is geen leesbare foto (JPEG, PNG, WebP, GIF of HEIF, hooguit 10 MB).",
};
