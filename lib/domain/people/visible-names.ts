import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { people, profiles } from "@/lib/db/schema";
import { inScopeOf } from "./person-match";
import { viewersScope, type NameViewer } from "./shown-names";
import { mayViewFieldSql, PROFILE_VISIBILITY } from "./visibility-sql";

/** A person as a list shows them to this viewer: the name when they may see it, else only the member number. */
export interface ShownPerson {
  personId: number;
  name: string | null;
  memberNumber: number | null;
}

/**
 * Names of many people for one viewer, with their member numbers: the rule of namesShownTo (shown-names.ts) — each
 * person's visibility for "name", within the groups the viewer's view rights reach; erased people have none.
 */
export async function visibleNames(db: Db, viewer: NameViewer, personIds: number[]): Promise<Map<number, ShownPerson>> {
  const ids = [...new Set(personIds)];
  const out = new Map<number, ShownPerson>();
  if (ids.length === 0) return out;
  const inScope = await inScopeOf(db, await viewersScope(db, viewer));
  const seen = mayViewFieldSql(viewer, "name", PROFILE_VISIBILITY, { inScope });
  const rows = await db
    .select({
      id: people.id,
      memberNumber: people.memberNumber,
      name: sql<string | null>`case when ${people.erasedAt} is null and ${profiles.personId} is not null and ${seen}
        then nullif(trim(${profiles.firstName} || ' ' || ${profiles.lastName}), '') end`,
    })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(inArray(people.id, ids));
  for (const r of rows) out.set(r.id, { personId: r.id, name: r.name, memberNumber: r.memberNumber });
  return out;
}
