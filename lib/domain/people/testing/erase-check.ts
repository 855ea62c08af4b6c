import type { Db } from "@/lib/db/client";
import { erasePerson } from "../erase-person";

/** Erases a banned person the way the admin form does: confirmed, with a reason. */
export function eraseAndCheck(db: Db, actorId: number, personId: number) {
  return erasePerson(db, actorId, personId, { confirmBanned: true, reason: "Asked for erasure; ban documented offline" });
}
