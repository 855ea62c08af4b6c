import type { machinesEn } from "./machines-en";

export const machinesDe: Record<keyof typeof machinesEn, string> = {
  "nav.machines": "Maschinen",
  "mach.dashboard.title": "Maschinen",
  "mach.dashboard.intro": "Der aktuelle Zustand jeder Maschine, wie ihn die Boards melden.",
  "mach.dashboard.counts": "Maschinen je Zustand",
  "mach.dashboard.empty": "Noch keine Maschinen.",
  "mach.dashboard.live": "Live",
  "mach.dashboard.reconnecting": "Verbindung wird wiederhergestellt…",
  "mach.state.in_use": "In Benutzung",
  "mach.state.blocked": "Gesperrt",
  "mach.state.maintenance_due": "Wartung fällig",
  "mach.state.offline": "Offline",
  "mach.state.free": "Frei",
  "mach.tile.inUseBy": "Benutzt von {name}",
  "mach.tile.inUse": "In Benutzung",
  "mach.tile.since": "seit {minutes} Min.",
  "mach.tile.sinceHours": "seit {hours} Std. {minutes} Min.",
  "mach.tile.neverHeard": "Noch kein Board hat sich gemeldet",
  "mach.tile.details": "Details",
};
