import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, invitations } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { uniqueViolation } from "../shared/db-errors";
import { tokenHash } from "../shared/one-time-token";
import { invitationFailure as fail, inviteeOf, type InvitationResult } from "./invitation-invitee";
import { clearFailedLogins } from "./login-limits";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";

/** What the invitation page shows for a token: the form, "expired" (a new link may be asked for), or nothing usable. */
export async function invitationLinkState(db: Db, token: string, now = new Date()): Promise<"usable" | "expired" | "invalid"> {
  const [row] = await db
    .select({ expiresAt: invitations.expiresAt, usedAt: invitations.usedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash(token)));
  if (!row || row.usedAt || row.revokedAt) return "invalid";
  return row.expiresAt > now ? "usable" : "expired";
}

class EmailTaken extends Error {}

/**
 * Sets the password: claims the invitation atomically (two concurrent uses cannot both win) and creates the login
 * with the invited address. The person's status must still allow logging in.
 */
export async function acceptInvitation(db: Db, input: { token: string; password: string }, now = new Date()): Promise<InvitationResult<{ email: string }>> {
  if (input.password.length < MIN_PASSWORD_LENGTH) return fail("weak_password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(invitations)
        .set({ usedAt: now })
        .where(
          and(eq(invitations.tokenHash, tokenHash(input.token)), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
        )
        .returning({ id: invitations.id, personId: invitations.personId, email: invitations.email });
      if (!claimed) return fail("invalid_token");
      const invitee = await inviteeOf(tx, claimed.personId);
      // The link is for the address it was mailed to while that is still the person's: once the board corrected a
      // wrong address, whoever reads the old mailbox no longer gets a login on this record.
      if (!invitee || invitee.erased || !invitee.mayLogIn || invitee.hasLogin || invitee.email !== claimed.email) return fail("invalid_token");
      const [taken] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(sql`lower(${accounts.email})`, claimed.email));
      // Thrown, not returned: the transaction rolls back and the link stays usable (not the invitee's fault).
      if (taken) throw new EmailTaken();
      const [account] = await tx.insert(accounts).values({ personId: claimed.personId, email: claimed.email, passwordHash }).returning({ id: accounts.id });
      await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.personId, claimed.personId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
      await clearFailedLogins(tx, claimed.email);
      await recordAudit(tx, {
        actorId: claimed.personId,
        subjectPersonId: claimed.personId,
        changeType: "person.invitation.accept",
        entity: "account",
        entityId: account!.id,
        after: { email: claimed.email },
      });
      return { ok: true as const, email: claimed.email };
    });
  } catch (error) {
    if (error instanceof EmailTaken || uniqueViolation(error) !== null) return fail("email_taken");
    throw error;
  }
}
