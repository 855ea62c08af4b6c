import type { partnerPhotoEn } from "./partner-photo-en";

/** Partnerkoppelingen en profielfoto’s. */
export const partnerPhotoNl: Record<keyof typeof partnerPhotoEn, string> = {
  "partner.title": "Partner",
  "partner.none": "Geen partner gekoppeld.",
  "partner.rateHint": "Partners kunnen een lidmaatschap met partnertarief krijgen: {types}.",
  "partner.mayEdit.yes": "ze mogen elkaars gedeelde gegevens bewerken",
  "partner.mayEdit.no": "ze mogen elkaars gegevens niet bewerken",
  "partner.share": "Delen met partner",
  "partner.shareOf": "{address} delen met de partner",
  "partner.unlink": "Partner ontkoppelen",
  "partner.link": "Partner koppelen",
  "partner.ref": "Lidnummer of e-mailadres van de partner",
  "partner.mayEditLabel": "Partners mogen elkaars gedeelde gegevens (adressen) bewerken",
  "partner.notFound": "Niemand heeft dit lidnummer of e-mailadres (veld “Lidnummer of e-mailadres van de partner”).",
  "partner.self.mayEdit": "Je deelt gegevens met je partner en jullie mogen ze allebei bewerken.",
  "partner.self.shared": "Je deelt gegevens met je partner; het bestuur bewerkt ze.",
  "partner.self.sharedAddress": "Gedeeld adres: {address}",

  "photo.title": "Foto",
  "photo.of": "Foto van {name}",
  "photo.none": "Nog geen foto.",
  "photo.file": "Fotobestand",
  "photo.hint": "JPEG, PNG, WebP, GIF of HEIF, hooguit 10 MB. Wie hem ziet, volgt de zichtbaarheid van het veld “foto”.",
  "photo.tooLarge": "De foto is groter dan 10 MB.",
  "photo.upload": "Foto uploaden",
  "photo.remove": "Foto verwijderen",
  "photo.missing": "Kies een fotobestand.",
  "photo.notImage": "Het bestand is geen leesbare foto (JPEG, PNG, WebP, GIF of HEIF, hooguit 10 MB).",
};
