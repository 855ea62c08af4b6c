import type { Db } from "@/lib/db/client";
import { actorMay } from "../shared/actor-may";

/** Authorization inside the domain: every inventory write asks this, never only the page that showed the form. */
export const mayEditInventory = (db: Db, actorId: number) => actorMay(db, actorId, "inventory.write");
