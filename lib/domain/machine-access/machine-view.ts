/** A maintenance plan that is due (hours since its last intervention ≥ its interval). */
export interface OverduePlan {
  planId?: number;
  /** Short text for the board's LCD. */
  lcdText: string;
}

/** What a board needs to know about its machine, read once per `checkmachine`. */
export interface MachineView {
  machineId: number;
  boardId: number;
  name: string;
  blocked: boolean;
  autoLogoffMinutes: number;
  graceMinutes: number;
  /** The equipment type's board kind: 1 3D printer, 2 laser, 3 CNC, 4 resin, 5 other. */
  boardKind: number;
  /** Ordered by urgency; the first one is shown on the LCD. */
  overduePlans: OverduePlan[];
}
