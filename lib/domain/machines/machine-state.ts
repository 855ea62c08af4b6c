import { ONLINE_WITHIN_MS } from "../usage/record-board-alive";

/** What a dashboard tile shows; the order of MACHINE_STATES is the order of precedence. */
export const MACHINE_STATES = ["in_use", "blocked", "maintenance_due", "offline", "free"] as const;
export type MachineState = (typeof MACHINE_STATES)[number];

export interface MachineStateFacts {
  /** An open usage session exists. */
  inUse: boolean;
  blocked: boolean;
  /** At least one maintenance plan is overdue. */
  maintenanceDue: boolean;
  /** When any message last came from the machine's board; null if never. */
  lastHeardAt: Date | null;
  now: Date;
}

/**
 * The one rule for a machine's state: in use > blocked > maintenance due > offline (silent > 90 s) > free.
 * In use wins because a person is at the machine whatever else is true (a board still runs a session after a block).
 */
export function deriveMachineState(f: MachineStateFacts): MachineState {
  if (f.inUse) return "in_use";
  if (f.blocked) return "blocked";
  if (f.maintenanceDue) return "maintenance_due";
  if (!f.lastHeardAt || f.now.getTime() - f.lastHeardAt.getTime() > ONLINE_WITHIN_MS) return "offline";
  return "free";
}

/** Tiles per state, every state present (0 when none) so the counts row never changes shape. */
export function countByState(states: readonly MachineState[]): Record<MachineState, number> {
  const counts = Object.fromEntries(MACHINE_STATES.map((s) => [s, 0])) as Record<MachineState, number>;
  for (const s of states) counts[s] += 1;
  return counts;
}
