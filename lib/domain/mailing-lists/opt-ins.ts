import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailingListOptIns, mailingLists, membershipStatuses, people } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "./result";

export interface OptInList {
  id: number;
  name: string;
  address: string;
  description: string;
  subscribed: boolean;
}

/** The opt-in lists a person may choose from, with their choice. */
export async function optInListsFor(db: Db, personId: number): Promise<OptInList[]> {
  const rows = await db
    .select({
      id: mailingLists.id,
      name: mailingLists.name,
      address: mailingLists.address,
      description: mailingLists.description,
      chosen: mailingListOptIns.personId,
    })
    .from(mailingLists)
    .leftJoin(mailingListOptIns, and(eq(mailingListOptIns.listId, mailingLists.id), eq(mailingListOptIns.personId, personId)))
    .where(eq(mailingLists.optIn, true))
    .orderBy(asc(mailingLists.name));
  return rows.map(({ chosen, ...l }) => ({ ...l, subscribed: chosen !== null }));
}

/** A person puts themselves on an opt-in list or takes themselves off; only for themselves, only while they may log in. */
export async function setOptIn(db: Db, personId: number, listId: number, subscribed: boolean): Promise<Result> {
  const [list] = await db.select().from(mailingLists).where(eq(mailingLists.id, listId));
  if (!list) return fail("not_found", "No such list.");
  if (!list.optIn) return fail("not_opt_in", "This list cannot be joined by choice.");
  const [person] = await db
    .select({ mayLogIn: membershipStatuses.mayLogIn })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  if (!person?.mayLogIn) return fail("forbidden", "You are not allowed to do this.");
  await db.transaction(async (tx) => {
    const changed = subscribed
      ? await tx.insert(mailingListOptIns).values({ listId, personId }).onConflictDoNothing().returning()
      : await tx
          .delete(mailingListOptIns)
          .where(and(eq(mailingListOptIns.listId, listId), eq(mailingListOptIns.personId, personId)))
          .returning();
    if (changed.length)
      await recordAudit(tx, {
        actorId: personId,
        subjectPersonId: personId,
        changeType: subscribed ? "mailing_list.opt_in" : "mailing_list.opt_out",
        entity: "mailing_list",
        entityId: listId,
        after: { list: list.name },
      });
  });
  return { ok: true };
}
