import type { pairingEn } from "./pairing-en";

/** Koppelen van boards op de beheerpagina van een machine. */
export const pairingNl: Record<keyof typeof pairingEn, string> = {
  "pair.title": "Board koppelen",
  "pair.intro":
    "Een board zonder inloggegevens wordt vertrouwd op zijn serienummer en het netwerkadres waarvandaan het verbindt. Andere apparaten op de wifi krijgen geen toegangsbeslissingen.",
  "pair.credentials": "Het board van deze machine logt in met inloggegevens; koppelen is niet van toepassing.",
  "pair.paired": "Gekoppeld board: serienummer {serial}, gemeld IP {ip}, verbindt vanaf {address}",
  "pair.pairedAt": "Gekoppeld {when} ({how}).",
  "pair.how.window": "automatisch, in het koppelvenster",
  "pair.how.admin": "door een beheerder",
  "pair.none": "Er is geen board aan deze machine gekoppeld.",
  "pair.unpair": "Board ontkoppelen",
  "pair.unpairConfirm": "Het board {serial} ontkoppelen? Het kan deze machine pas weer schakelen als er opnieuw een board gekoppeld is.",
  "pair.window.openUntil": "Het koppelvenster is open tot {until}: het volgende board dat zich bij deze machine meldt, wordt automatisch gekoppeld.",
  "pair.window.openFirst": "Het koppelvenster is open tot het eerste board zich meldt: dat board wordt automatisch gekoppeld.",
  "pair.window.closed": "Het koppelvenster is gesloten.",
  "pair.window.open": "Koppelvenster openen",
  "pair.window.close": "Venster sluiten",
  "pair.window.minutes": "Gedurende",
  "pair.window.15": "15 minuten",
  "pair.window.60": "1 uur",
  "pair.window.1440": "1 dag",
  "pair.requests.title": "Boards die deze machine willen",
  "pair.requests.none": "Er heeft zich geen ander board bij deze machine gemeld.",
  "pair.request":
    "Een nieuw board wil machine {boardId}: serienummer {serial}, IP {ip}, vanaf {address}, client-id {clientId}, firmware {firmware}; laatst gehoord {when}.",
  "pair.request.claims":
    "Het geeft vanaf een ander adres het serienummer van het gekoppelde board op: koppel het als het adres van het board veranderd is; anders doet iemand zich als dat board voor.",
  "pair.pair": "Koppelen",
  "pair.refuse": "Weigeren",
  "pair.refusedCount": "{count, plural, one {# geweigerd board blijft buitengesloten.} other {# geweigerde boards blijven buitengesloten.}}",
  "pair.done.paired": "Board gekoppeld. Vanaf zijn volgende bericht krijgt het toegangsbeslissingen.",
  "pair.done.refused": "Board geweigerd.",
  "pair.done.unpaired": "Board ontkoppeld.",
  "pair.done.windowOpened": "Koppelvenster geopend.",
  "pair.done.windowClosed": "Koppelvenster gesloten.",
  "pair.unknown": "onbekend",
  "mach.error.has_credentials": "Het board van deze machine logt in met inloggegevens; het hoeft niet gekoppeld te worden.",
};
