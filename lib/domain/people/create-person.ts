import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { hashPassword } from "../auth/passwords";

export interface NewPerson {
  statusKey: string;
  firstName: string;
  lastName?: string;
  email?: string;
  preferredLanguage?: string;
  /** Give a member number now (members); applicants get theirs when admitted. */
  assignMemberNumber?: boolean;
  /** Creates a login for the email when given. */
  password?: string;
}

/** Creates the operational record, its profile and optionally a login, in one transaction. */
export async function createPerson(db: Db, input: NewPerson): Promise<{ personId: number; memberNumber: number | null }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const [status] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.key, input.statusKey));
    if (!status) throw new Error(`Unknown membership status "${input.statusKey}"`);
    const [person] = await tx
      .insert(people)
      .values({
        statusId: status.id,
        memberNumber: input.assignMemberNumber ? sql`nextval('member_number_seq')` : null,
        joinedOn: input.assignMemberNumber ? new Date() : null,
      })
      .returning();
    const email = input.email?.trim().toLowerCase() || null;
    await tx.insert(profiles).values({
      personId: person!.id,
      firstName: input.firstName,
      lastName: input.lastName ?? "",
      email,
      preferredLanguage: input.preferredLanguage ?? "en",
    });
    if (passwordHash && email) {
      await tx.insert(accounts).values({ personId: person!.id, email, passwordHash });
    }
    return { personId: person!.id, memberNumber: person!.memberNumber };
  });
}
