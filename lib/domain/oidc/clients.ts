import { asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { membershipStatuses, oidcClients, type OidcClient } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import type { Permission } from "../access/permissions";
import { recordAudit } from "../audit/record-audit";
import { oidcClientInput, type OidcClientInput, type OidcClientValues } from "./client-input";
import { fail, type OidcResult } from "./result";
import { newToken, tokenHash } from "../shared/one-time-token";

function invalid(error: z.ZodError) {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? "input");
  return fail("invalid", `${field}: ${issue.message}`, { field });
}

/**
 * system.admin only, and contained: the permission a client demands of the people logging in must be one the
 * admin holds, so nobody configures access around a right they do not have. Statuses must exist.
 */
async function refusal(db: Db, actorId: number, values?: OidcClientValues) {
  const held = await permissionsOfPerson(db, actorId);
  if (!held.has("system.admin")) return fail("forbidden", "Only admins manage single sign-on.");
  if (!values) return null;
  if (values.requiredPermission && !held.has(values.requiredPermission as Permission))
    return fail("exceeds_own_permissions", "You can only require a permission you hold yourself.", { field: "requiredPermission" });
  if (values.allowedStatusIds.length) {
    const known = await db.select({ id: membershipStatuses.id }).from(membershipStatuses).where(inArray(membershipStatuses.id, values.allowedStatusIds));
    if (known.length !== new Set(values.allowedStatusIds).size) return fail("invalid", "allowedStatusIds: unknown status", { field: "allowedStatusIds" });
  }
  return null;
}

/** What the audit log keeps of a client: never the secret's hash. */
const audited = (c: Omit<OidcClientValues, "requiredPermission"> & { requiredPermission: string | null }) => ({
  name: c.name,
  kind: c.kind,
  redirectUris: c.redirectUris,
  postLogoutRedirectUris: c.postLogoutRedirectUris,
  backchannelLogoutUri: c.backchannelLogoutUri,
  allowedScopes: c.allowedScopes,
  allowedStatusIds: c.allowedStatusIds,
  requiredPermission: c.requiredPermission,
  refreshTokens: c.refreshTokens,
  active: c.active,
});

/** Registers a client. A confidential client's secret is returned once; only its SHA-256 is kept. */
export async function createOidcClient(
  db: Db,
  actorId: number,
  raw: OidcClientInput,
): Promise<OidcResult<{ id: number; clientId: string; secret: string | null }>> {
  const parsed = oidcClientInput.safeParse(raw);
  const refused = await refusal(db, actorId, parsed.success ? parsed.data : undefined);
  if (refused) return refused;
  if (!parsed.success) return invalid(parsed.error);
  const values = parsed.data;
  const clientId = `ms-${newToken().slice(0, 22)}`;
  const secret = values.kind === "confidential" ? newToken() : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(oidcClients)
      .values({ ...values, clientId, secretHash: secret ? tokenHash(secret) : null, createdById: actorId })
      .returning({ id: oidcClients.id });
    await recordAudit(tx, { actorId, changeType: "oidc_client.create", entity: "oidc_clients", entityId: row!.id, after: { clientId, ...audited(values) } });
    return { ok: true as const, id: row!.id, clientId, secret };
  });
}

/** Changes a client's settings; its kind decides whether it keeps a secret (a public client's is dropped). */
export async function updateOidcClient(db: Db, actorId: number, id: number, raw: OidcClientInput): Promise<OidcResult<{ secret: string | null }>> {
  const parsed = oidcClientInput.safeParse(raw);
  const refused = await refusal(db, actorId, parsed.success ? parsed.data : undefined);
  if (refused) return refused;
  if (!parsed.success) return invalid(parsed.error);
  const values = parsed.data;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(oidcClients).where(eq(oidcClients.id, id)).for("update");
    if (!before) return fail("not_found", "No such client.");
    // Turning a public client confidential needs a secret, shown once like at creation.
    const secret = values.kind === "confidential" && !before.secretHash ? newToken() : null;
    const secretHash = values.kind === "public" ? null : secret ? tokenHash(secret) : before.secretHash;
    await tx
      .update(oidcClients)
      .set({ ...values, secretHash, updatedAt: new Date() })
      .where(eq(oidcClients.id, id));
    await recordAudit(tx, { actorId, changeType: "oidc_client.update", entity: "oidc_clients", entityId: id, before: audited(before), after: audited(values) });
    return { ok: true as const, secret };
  });
}

/** A new secret for a confidential client; the old one stops working at once. */
export async function rotateOidcClientSecret(db: Db, actorId: number, id: number): Promise<OidcResult<{ secret: string }>> {
  const refused = await refusal(db, actorId);
  if (refused) return refused;
  const secret = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ kind: oidcClients.kind }).from(oidcClients).where(eq(oidcClients.id, id)).for("update");
    if (!row) return fail("not_found", "No such client.");
    if (row.kind !== "confidential") return fail("invalid", "kind: a public client has no secret", { field: "kind" });
    await tx
      .update(oidcClients)
      .set({ secretHash: tokenHash(secret), updatedAt: new Date() })
      .where(eq(oidcClients.id, id));
    await recordAudit(tx, { actorId, changeType: "oidc_client.rotate_secret", entity: "oidc_clients", entityId: id });
    return { ok: true as const, secret };
  });
}

/** Removes a client with its consents, codes and tokens: its logins stop at once. */
export async function deleteOidcClient(db: Db, actorId: number, id: number): Promise<OidcResult> {
  const refused = await refusal(db, actorId);
  if (refused) return refused;
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(oidcClients).where(eq(oidcClients.id, id)).returning();
    if (!row) return fail("not_found", "No such client.");
    await recordAudit(tx, {
      actorId,
      changeType: "oidc_client.delete",
      entity: "oidc_clients",
      entityId: id,
      before: { clientId: row.clientId, ...audited(row) },
    });
    return { ok: true as const };
  });
}

export type OidcClientRow = Omit<OidcClient, "secretHash">;
const publicColumns = {
  id: oidcClients.id,
  clientId: oidcClients.clientId,
  name: oidcClients.name,
  kind: oidcClients.kind,
  redirectUris: oidcClients.redirectUris,
  postLogoutRedirectUris: oidcClients.postLogoutRedirectUris,
  backchannelLogoutUri: oidcClients.backchannelLogoutUri,
  allowedScopes: oidcClients.allowedScopes,
  allowedStatusIds: oidcClients.allowedStatusIds,
  requiredPermission: oidcClients.requiredPermission,
  refreshTokens: oidcClients.refreshTokens,
  active: oidcClients.active,
  createdById: oidcClients.createdById,
  createdAt: oidcClients.createdAt,
  updatedAt: oidcClients.updatedAt,
};

/** The registered clients for the admin page; never a secret's hash. */
export async function listOidcClients(db: Db): Promise<OidcClientRow[]> {
  return db.select(publicColumns).from(oidcClients).orderBy(asc(oidcClients.name), asc(oidcClients.id));
}

export async function getOidcClient(db: Db, id: number): Promise<OidcClientRow | null> {
  const [row] = await db.select(publicColumns).from(oidcClients).where(eq(oidcClients.id, id));
  return row ?? null;
}

/** The client a request names, with its secret's hash for client authentication. Inactive clients do not exist. */
export async function clientByClientId(db: Db, clientId: string): Promise<OidcClient | null> {
  // PostgreSQL refuses NUL in text: such an id is simply unknown, not a server error.
  if (!clientId || clientId.length > 100 || clientId.includes("\u0000")) return null;
  const [row] = await db.select().from(oidcClients).where(eq(oidcClients.clientId, clientId));
  return row?.active ? row : null;
}

/** The statuses a client can be opened to (those that may log in at all), for the admin form. */
export async function loginStatuses(db: Db): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: membershipStatuses.id, name: membershipStatuses.name })
    .from(membershipStatuses)
    .where(eq(membershipStatuses.mayLogIn, true))
    .orderBy(asc(membershipStatuses.sortOrder), asc(membershipStatuses.id));
}
