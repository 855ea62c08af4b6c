import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { oidcClients, oidcConsents, oidcTokens } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";

export interface ConnectedService {
  clientId: number;
  name: string;
  scopes: string[];
  fields: string[];
  grantedAt: Date;
}

/** The services a person has let log them in, with what each may see (profile page). */
export async function connectedServices(db: Db, personId: number): Promise<ConnectedService[]> {
  return db
    .select({ clientId: oidcClients.id, name: oidcClients.name, scopes: oidcConsents.scopes, fields: oidcConsents.fields, grantedAt: oidcConsents.grantedAt })
    .from(oidcConsents)
    .innerJoin(oidcClients, eq(oidcClients.id, oidcConsents.clientId))
    .where(eq(oidcConsents.personId, personId))
    .orderBy(asc(oidcClients.name), asc(oidcClients.id));
}

/**
 * A person withdraws their consent: the service's tokens for them stop at once (it learns nothing more), and the
 * next login there asks again. Only ever for the person themselves.
 */
export async function disconnectService(db: Db, personId: number, clientId: number, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(oidcConsents)
      .where(and(eq(oidcConsents.personId, personId), eq(oidcConsents.clientId, clientId)))
      .returning();
    if (!gone) return false;
    await tx
      .update(oidcTokens)
      .set({ revokedAt: now })
      .where(and(eq(oidcTokens.personId, personId), eq(oidcTokens.clientId, clientId), isNull(oidcTokens.revokedAt)));
    await recordAudit(tx, {
      actorId: personId,
      subjectPersonId: personId,
      changeType: "oidc.consent_withdraw",
      entity: "oidc_clients",
      entityId: clientId,
      before: { scopes: gone.scopes, fields: gone.fields },
    });
    return true;
  });
}
