import { asc, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { machines, usageSessions } from "@/lib/db/schema";

export type MachineState = "in_use" | "free" | "out_of_service";

export interface MachineStateRow {
  id: number;
  name: string;
  location: string;
  state: MachineState;
}

/** Blocked machines are out of service; an open usage session means in use; everything else is free. */
export async function machineStates(db: Db): Promise<MachineStateRow[]> {
  const [all, open] = await Promise.all([
    db.select({ id: machines.id, name: machines.name, location: machines.location, blocked: machines.blocked }).from(machines).orderBy(asc(machines.name)),
    db.select({ machineId: usageSessions.machineId }).from(usageSessions).where(isNull(usageSessions.endedAt)),
  ]);
  const inUse = new Set(open.map((o) => o.machineId));
  return all.map((m) => ({ id: m.id, name: m.name, location: m.location, state: m.blocked ? "out_of_service" : inUse.has(m.id) ? "in_use" : "free" }));
}
