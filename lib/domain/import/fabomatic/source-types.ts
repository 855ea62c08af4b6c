/**
 * A Fab-O-Matic database (FabLab Bergamo's backend for the same boards, one SQLite file) read into plain rows.
 * sql.js is SQLite compiled to WebAssembly: no native build. Columns added by later Fab-O-Matic versions are
 * optional (read as their default when missing), so older files import too. Timestamps stay Unix seconds.
 */
export interface FabRole {
  id: number;
  name: string;
  authorizeAll: boolean;
  reserved: boolean;
  maintenance: boolean;
  backendAdmin: boolean;
}
export interface FabUser {
  id: number;
  name: string;
  surname: string;
  roleId: number;
  cardUid: string | null;
  disabled: boolean;
  deleted: boolean;
  email: string | null;
}
export interface FabMachineType {
  id: number;
  name: string;
  timeoutMinutes: number;
  graceMinutes: number | null;
  noAuthorizationNeeded: boolean;
}
export interface FabMachine {
  id: number;
  name: string;
  typeId: number | null;
  hours: number;
  blocked: boolean;
  lastSeen: number | null;
}
export interface FabAuthorization {
  id: number;
  userId: number;
  machineId: number;
}
export interface FabMaintenance {
  id: number;
  hoursBetween: number;
  description: string;
  machineId: number;
  lcdMessage: string | null;
  instructionsUrl: string | null;
}
export interface FabIntervention {
  id: number;
  maintenanceId: number;
  machineId: number;
  userId: number;
  at: number;
  replay: boolean;
}
export interface FabUse {
  id: number;
  userId: number;
  machineId: number;
  start: number;
  lastSeen: number;
  end: number | null;
  replay: boolean;
}
export interface FabBoard {
  id: number;
  machineId: number;
  ip: string;
  firmware: string;
  lastSeen: number;
  serial: string | null;
  heap: number | null;
}
export interface FabUnknownCard {
  id: number;
  uid: string;
  at: number;
  machineId: number;
}

export interface FabSource {
  schemaVersion: string | null;
  roles: FabRole[];
  users: FabUser[];
  machineTypes: FabMachineType[];
  machines: FabMachine[];
  authorizations: FabAuthorization[];
  maintenances: FabMaintenance[];
  interventions: FabIntervention[];
  uses: FabUse[];
  boards: FabBoard[];
  unknownCards: FabUnknownCard[];
}
