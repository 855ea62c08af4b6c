import type { FabSource } from "../source";

/**
 * What a Fab-O-Matic board does with the two answers it gets (firmware BoardLogic::authorize): it refuses a card
 * unless `checkuser` said is_valid with a level ≥ 1; then, from its last `checkmachine`, it refuses every card on
 * a machine that is not allowed, and levels below 2 (staff) on a machine due for maintenance.
 */
export function boardLetsIn(machine: { allowed: boolean; maintenance: boolean }, user: { is_valid: boolean; level: number }): boolean {
  if (!user.is_valid || user.level < 1) return false;
  if (!machine.allowed) return false;
  return !(machine.maintenance && user.level < 2);
}

/**
 * The `checkmachine` state Fab-O-Matic's backend gives a machine of this file (it is not in the expected file):
 * allowed unless blocked; maintenance when a plan's closed uses since its last intervention exceed its hours
 * (FabOMatic MachineRepository.getRelativeUseTimeByMaintenance: uses that started after that intervention).
 */
export function fabomaticMachineState(source: FabSource, machineId: number): { allowed: boolean; maintenance: boolean } {
  const machine = source.machines.find((m) => m.id === machineId);
  if (!machine) throw new Error(`machine ${machineId} is not in the file`);
  const maintenance = source.maintenances
    .filter((p) => p.machineId === machineId)
    .some((plan) => {
      const last = Math.max(0, ...source.interventions.filter((i) => i.maintenanceId === plan.id && i.machineId === machineId).map((i) => i.at));
      const seconds = source.uses.filter((u) => u.machineId === machineId && u.end !== null && u.start > last).reduce((sum, u) => sum + (u.end! - u.start), 0);
      return seconds > plan.hoursBetween * 3600;
    });
  return { allowed: !machine.blocked, maintenance };
}
