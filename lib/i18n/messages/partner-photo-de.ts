import type { partnerPhotoEn } from "./partner-photo-en";

export const partnerPhotoDe: Record<keyof typeof partnerPhotoEn, string> = {
  "partner.title": "Partner·in",
  "partner.consent.label": "Gegenseitiges Bearbeiten der Daten",
  "partner.consent.both":
    "Ihr habt beide zugestimmt: Jede und jeder von euch darf die Profildaten und Adressen des anderen bearbeiten (nicht E-Mail, Sichtbarkeit, Status oder Zugang).",
  "partner.consent.mine":
    "Du hast zugestimmt, dass ihr eure Daten gegenseitig bearbeitet; dein Partner (noch) nicht. Bis beide zustimmen, bearbeitet sie nur der Vorstand.",
  "partner.consent.theirs":
    "Dein Partner hat zugestimmt, dass ihr eure Daten gegenseitig bearbeitet; du nicht. Bis beide zustimmen, bearbeitet sie nur der Vorstand.",
  "partner.consent.none": "Keiner von euch hat dem gegenseitigen Bearbeiten zugestimmt; der Vorstand bearbeitet die Daten.",
  "partner.consent.agree": "Ich stimme zu, dass wir unsere Daten gegenseitig bearbeiten",
  "partner.consent.withdraw": "Meine Zustimmung zurückziehen",
  "partner.consent.saved": "Gespeichert.",
  "partner.edit.link": "Daten von {name} bearbeiten",
  "partner.edit.title": "{name}: Profildaten",
  "partner.edit.none": "Du hast keine verknüpfte Partnerin und keinen verknüpften Partner.",
  "partner.edit.notAgreed": "Du darfst die Daten deiner Partnerin oder deines Partners nur bearbeiten, solange ihr beide zustimmt (siehe dein Profil).",
  "partner.edit.intro":
    "Du bearbeitest die Profildaten deiner Partnerin oder deines Partners, weil ihr beide zugestimmt habt. E-Mail, Sichtbarkeit, Status und Zugang bleiben bei ihr oder ihm und beim Vorstand.",
  "partner.none": "Kein·e Partner·in verknüpft.",
  "partner.rateHint": "Partner·innen können eine Mitgliedsart mit Partnertarif bekommen: {types}.",
  "partner.mayEdit.yes": "beide haben zugestimmt: dürfen die Daten des anderen bearbeiten",
  "partner.mayEdit.no": "dürfen die Daten des anderen nicht bearbeiten",
  "partner.share": "Mit Partner·in teilen",
  "partner.shareOf": "{address} mit Partner·in teilen",
  "partner.outsideViewRights":
    "Diese·r Partner·in gehört zu keiner Gruppe, die du sehen darfst: Adressen teilen oder die Verknüpfung ändern kann nur, wer sie oder ihn sehen darf.",
  "partner.unlink": "Verknüpfung lösen",
  "partner.unlinkConfirm": "{name} als Partner*in lösen? Geteilte Adressen bleiben bei ihren Besitzer*innen.",
  "partner.link": "Partner·in verknüpfen",
  "partner.ref": "Mitgliedsnummer oder E-Mail der Partnerin/des Partners",
  "partner.mayEditLabel":
    "Beide Partner·innen sind einverstanden, die Daten des anderen zu bearbeiten (hält die Zustimmung beider fest; jede·r kann sie zurückziehen)",
  "partner.notFound": "Niemand hat diese Mitgliedsnummer oder E-Mail (Feld „Mitgliedsnummer oder E-Mail der Partnerin/des Partners“).",
  "partner.self.sharedAddress": "Gemeinsame Adresse: {address}",

  "photo.title": "Foto",
  "photo.of": "Foto von {name}",
  "photo.none": "Noch kein Foto.",
  "photo.file": "Fotodatei",
  "photo.hint": "JPEG, PNG, WebP, GIF oder HEIF, höchstens 10 MB. Wer es sieht, richtet sich nach der Sichtbarkeit des Felds „Foto“.",
  "photo.tooLarge": "Das Foto ist größer als 10 MB.",
  "photo.upload": "Foto hochladen",
  "photo.remove": "Foto entfernen",
  "photo.removeConfirm": "Das Foto von {name} entfernen?",
  "photo.missing": "Bitte wähle eine Fotodatei.",
  "photo.notImage": "Die Datei ist kein lesbares Foto (JPEG, PNG, WebP, GIF oder HEIF, höchstens 10 MB).",
};
