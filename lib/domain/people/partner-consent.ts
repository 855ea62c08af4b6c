import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { profiles } from "@/lib/db/schema";

/**
 * True when `actorId` and `personId` are linked partners and both agreed that they edit each other's data (each
 * their own flag, set by themselves or recorded by the board for both; revocable by either). What it lets a partner
 * do is the other's profile data and addresses — never their status, roles, cards, login or visibility choices.
 */
export async function partnersAgree(db: Db, actorId: number, personId: number): Promise<boolean> {
  if (actorId === personId) return false;
  const rows = await db
    .select({ personId: profiles.personId, partner: profiles.partnerPersonId })
    .from(profiles)
    .where(and(inArray(profiles.personId, [actorId, personId]), eq(profiles.partnerMayEdit, true)));
  return rows.some((r) => r.personId === personId && r.partner === actorId) && rows.some((r) => r.personId === actorId && r.partner === personId);
}
