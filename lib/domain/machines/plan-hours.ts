import type { Db } from "@/lib/db/client";
import { planCounterHours, type PlanCounterRow } from "../usage/usage-counters";

export interface PlanHoursRow extends PlanCounterRow {
  overdue: boolean;
}

/**
 * Hours since the last intervention for many plans in one query, the same rule as usage/machine-hours.ts
 * (maintenanceStatus): read from the plan counters the database keeps, so the dashboard costs the same with a
 * million sessions as with none.
 */
export async function planHours(db: Db, opts: { machineId?: number; now?: Date } = {}): Promise<PlanHoursRow[]> {
  return (await planCounterHours(db, opts)).map((r) => ({ ...r, overdue: r.hoursSince >= r.everyHours }));
}
