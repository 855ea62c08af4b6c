/** A maintenance plan that is due; plans arrive with the maintenance feature, until then the list is empty. */
export interface OverduePlan {
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
