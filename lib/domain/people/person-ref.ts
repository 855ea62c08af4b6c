import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, people, profiles } from "@/lib/db/schema";
import { PICKED_PREFIX } from "./pick-people";

/**
 * THE reading of a person named in a form: `person:<id>` (what the people picker posts), a member number with or
 * without `#` (how people are known at the desk and shown in lists), or — for those who may see addresses
 * (`byEmail`) — an email, profile or login, in any case. null when nobody matches.
 */
export async function resolvePersonRef(db: Db, ref: string, options: { byEmail?: boolean } = { byEmail: true }): Promise<number | null> {
  const text = ref.replace(/\0/g, "").trim();
  const picked = new RegExp(`^${PICKED_PREFIX}(\\d{1,9})$`).exec(text);
  if (picked)
    return (
      (
        await db
          .select({ id: people.id })
          .from(people)
          .where(eq(people.id, Number(picked[1])))
      )[0]?.id ?? null
    );
  const number = /^#?(\d{1,9})$/.exec(text);
  if (number)
    return (
      (
        await db
          .select({ id: people.id })
          .from(people)
          .where(eq(people.memberNumber, Number(number[1])))
      )[0]?.id ?? null
    );
  if (!options.byEmail || !text.includes("@") || text.length > 320) return null;
  const email = text.toLowerCase();
  const [p] = await db
    .select({ id: profiles.personId })
    .from(profiles)
    .where(eq(sql`lower(${profiles.email})`, email));
  if (p) return p.id;
  const [a] = await db
    .select({ id: accounts.personId })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email));
  return a?.id ?? null;
}
