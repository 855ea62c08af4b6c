import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { people, profiles } from "@/lib/db/schema";
import { visibleProfile, type Viewer } from "./visibility";

/** A person as a list shows them to this viewer: the name when they may see it, else only the member number. */
export interface ShownPerson {
  personId: number;
  name: string | null;
  memberNumber: number | null;
}

/** Names of many people for one viewer, each obeying that person's visibility (the one rule, visibleProfile). */
export async function visibleNames(db: Db, viewer: Viewer, personIds: number[]): Promise<Map<number, ShownPerson>> {
  const ids = [...new Set(personIds)];
  const out = new Map<number, ShownPerson>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ id: people.id, memberNumber: people.memberNumber, erasedAt: people.erasedAt, profile: profiles })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(inArray(people.id, ids));
  for (const r of rows) {
    const p = r.profile;
    const shown =
      p && !r.erasedAt
        ? visibleProfile(viewer, {
            personId: r.id,
            partnerPersonId: p.partnerPersonId,
            visibility: p.visibility,
            boardOnly: p.boardOnly,
            values: { name: `${p.firstName} ${p.lastName}`.trim() },
          }).name
        : undefined;
    out.set(r.id, { personId: r.id, name: shown ?? null, memberNumber: r.memberNumber });
  }
  return out;
}
