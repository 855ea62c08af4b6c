import type { pairingEn } from "./pairing-en";

export const pairingDe: Record<keyof typeof pairingEn, string> = {
  "pair.title": "Board-Kopplung",
  "pair.intro":
    "Einem Board ohne Zugangsdaten wird über seine Seriennummer und die Netzwerkadresse, von der es sich verbindet, vertraut. Andere Geräte im WLAN bekommen keine Zutrittsentscheidungen.",
  "pair.credentials": "Das Board dieser Maschine meldet sich mit Zugangsdaten an; eine Kopplung ist nicht nötig.",
  "pair.paired": "Gekoppeltes Board: Seriennummer {serial}, gemeldete IP {ip}, verbindet sich von {address}",
  "pair.pairedAt": "Gekoppelt {when} ({how}).",
  "pair.how.window": "automatisch im Kopplungsfenster",
  "pair.how.admin": "durch eine Administratorin oder einen Administrator",
  "pair.none": "Mit dieser Maschine ist kein Board gekoppelt.",
  "pair.unpair": "Kopplung aufheben",
  "pair.window.openUntil": "Das Kopplungsfenster ist bis {until} offen: Das nächste Board, das sich für diese Maschine meldet, wird automatisch gekoppelt.",
  "pair.window.openFirst": "Das Kopplungsfenster ist offen, bis sich das erste Board meldet: Dieses wird automatisch gekoppelt.",
  "pair.window.closed": "Das Kopplungsfenster ist geschlossen.",
  "pair.window.open": "Kopplungsfenster öffnen",
  "pair.window.close": "Fenster schließen",
  "pair.window.minutes": "Für",
  "pair.window.15": "15 Minuten",
  "pair.window.60": "1 Stunde",
  "pair.window.1440": "1 Tag",
  "pair.requests.title": "Boards, die diese Maschine wollen",
  "pair.requests.none": "Kein anderes Board hat sich für diese Maschine gemeldet.",
  "pair.request":
    "Ein neues Board will Maschine {boardId}: Seriennummer {serial}, IP {ip}, von {address}, Client-ID {clientId}, Firmware {firmware}; zuletzt gehört {when}.",
  "pair.request.claims":
    "Es gibt die Seriennummer des gekoppelten Boards von einer anderen Adresse an: Koppeln, wenn sich die Adresse des Boards geändert hat; sonst gibt sich jemand als das Board aus.",
  "pair.pair": "Koppeln",
  "pair.refuse": "Ablehnen",
  "pair.refusedCount": "{count, plural, one {# abgelehntes Board bleibt ausgesperrt.} other {# abgelehnte Boards bleiben ausgesperrt.}}",
  "pair.done.paired": "Board gekoppelt. Ab seiner nächsten Nachricht bekommt es Zutrittsentscheidungen.",
  "pair.done.refused": "Board abgelehnt.",
  "pair.done.unpaired": "Kopplung aufgehoben.",
  "pair.done.windowOpened": "Kopplungsfenster geöffnet.",
  "pair.done.windowClosed": "Kopplungsfenster geschlossen.",
  "pair.unknown": "unbekannt",
  "mach.error.has_credentials": "Das Board dieser Maschine meldet sich mit Zugangsdaten an; es braucht keine Kopplung.",
};
