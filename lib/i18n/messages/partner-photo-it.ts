import type { partnerPhotoEn } from "./partner-photo-en";

/** Collegamenti tra partner e foto del profilo. */
export const partnerPhotoIt: Record<keyof typeof partnerPhotoEn, string> = {
  "partner.title": "Partner",
  "partner.none": "Nessun partner collegato.",
  "partner.rateHint": "I partner possono avere un tipo di iscrizione con tariffa partner: {types}.",
  "partner.mayEdit.yes": "possono modificare i dati condivisi l’uno dell’altro",
  "partner.mayEdit.no": "non possono modificare i dati l’uno dell’altro",
  "partner.share": "Condividi con il partner",
  "partner.shareOf": "Condividi {address} con il partner",
  "partner.unlink": "Scollega il partner",
  "partner.link": "Collega il partner",
  "partner.ref": "Numero di socio o email del partner",
  "partner.mayEditLabel": "I partner possono modificare i dati condivisi l’uno dell’altro (indirizzi)",
  "partner.notFound": "Nessuno ha questo numero di socio o questa email (campo “Numero di socio o email del partner”).",
  "partner.self.mayEdit": "Condividi dati con il tuo partner e potete modificarli entrambi.",
  "partner.self.shared": "Condividi dati con il tuo partner; li modifica il consiglio direttivo.",
  "partner.self.sharedAddress": "Indirizzo condiviso: {address}",

  "photo.title": "Foto",
  "photo.of": "Foto di {name}",
  "photo.none": "Ancora nessuna foto.",
  "photo.file": "File della foto",
  "photo.hint": "JPEG, PNG, WebP, GIF o HEIF, al massimo 10 MB. Chi la vede dipende dalla visibilità del campo “foto”.",
  "photo.tooLarge": "La foto supera i 10 MB.",
  "photo.upload": "Carica foto",
  "photo.remove": "Rimuovi foto",
  "photo.missing": "Scegli un file con la foto.",
  "photo.notImage": "Il file non è una foto leggibile (JPEG, PNG, WebP, GIF o HEIF, al massimo 10 MB).",
};
