import type { partnerPhotoEn } from "./partner-photo-en";

/** Collegamenti tra partner e foto del profilo. */
export const partnerPhotoIt: Record<keyof typeof partnerPhotoEn, string> = {
  "partner.title": "Partner",
  "partner.consent.label": "Modificare i dati l'uno dell'altro",
  "partner.consent.both":
    "Avete acconsentito entrambi: ciascuno di voi può modificare i dati del profilo e gli indirizzi dell'altro (non l'email, la visibilità, lo stato o l'accesso).",
  "partner.consent.mine":
    "Hai acconsentito a modificare i dati l'uno dell'altro; il tuo partner non (ancora). Finché non acconsentite entrambi, li modifica solo il consiglio direttivo.",
  "partner.consent.theirs":
    "Il tuo partner ha acconsentito a modificare i dati l'uno dell'altro; tu no. Finché non acconsentite entrambi, li modifica solo il consiglio direttivo.",
  "partner.consent.none": "Nessuno di voi ha acconsentito a modificare i dati dell'altro; li modifica il consiglio direttivo.",
  "partner.consent.agree": "Acconsento a modificare i dati l'uno dell'altro",
  "partner.consent.withdraw": "Ritira il mio consenso",
  "partner.consent.saved": "Salvato.",
  "partner.edit.link": "Modifica i dati di {name}",
  "partner.edit.title": "{name}: dati del profilo",
  "partner.edit.none": "Non hai un partner collegato.",
  "partner.edit.notAgreed": "Puoi modificare i dati del tuo partner solo finché siete entrambi d'accordo (vedi il tuo profilo).",
  "partner.edit.intro":
    "Modifichi i dati del profilo del tuo partner perché siete entrambi d'accordo. Email, visibilità, stato e accesso restano suoi e del direttivo.",
  "partner.none": "Nessun partner collegato.",
  "partner.rateHint": "I partner possono avere un tipo di iscrizione con tariffa partner: {types}.",
  "partner.mayEdit.yes": "entrambi d'accordo: possono modificare i dati l'uno dell'altro",
  "partner.mayEdit.no": "non possono modificare i dati l’uno dell’altro",
  "partner.share": "Condividi con il partner",
  "partner.shareOf": "Condividi {address} con il partner",
  "partner.outsideViewRights":
    "Questo partner è fuori dai gruppi che puoi vedere: solo chi può vederlo può condividere indirizzi con lui o cambiare il collegamento.",
  "partner.unlink": "Scollega il partner",
  "partner.unlinkConfirm": "Scollegare {name} come partner? Gli indirizzi condivisi restano a chi li possiede.",
  "partner.link": "Collega il partner",
  "partner.ref": "Numero di socio o email del partner",
  "partner.mayEditLabel": "Entrambi i partner acconsentono a modificare i dati l'uno dell'altro (registra il consenso di entrambi; ognuno può ritirarlo)",
  "partner.notFound": "Nessuno ha questo numero di socio o questa email (campo “Numero di socio o email del partner”).",
  "partner.self.sharedAddress": "Indirizzo condiviso: {address}",

  "photo.title": "Foto",
  "photo.of": "Foto di {name}",
  "photo.none": "Ancora nessuna foto.",
  "photo.file": "File della foto",
  "photo.hint": "JPEG, PNG, WebP, GIF o HEIF, al massimo 10 MB. Chi la vede dipende dalla visibilità del campo “foto”.",
  "photo.tooLarge": "La foto supera i 10 MB.",
  "photo.upload": "Carica foto",
  "photo.remove": "Rimuovi foto",
  "photo.removeConfirm": "Rimuovere la foto di {name}?",
  "photo.missing": "Scegli un file con la foto.",
  "photo.notImage": "Il file non è una foto leggibile (JPEG, PNG, WebP, GIF o HEIF, al massimo 10 MB).",
};
