import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiServices, apiTokens, people, profiles } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { recordAudit } from "../audit/record-audit";
import { personRights, serviceRights, type OwnerRights } from "./owner-rights";
import { fail, type Result } from "./result";
import { newApiToken, visiblePrefix } from "./token-format";
import { tokenHash } from "../shared/one-time-token";
import { ALL_SCOPES, effectiveScopes, isScope, scopeAvailable, type Scope } from "./scopes";

/** Longest a token may live; a script that runs for years gets a fresh token once a year. */
export const MAX_TOKEN_DAYS = 366;
/** Active tokens one person or service may hold: plenty for scripts, a bound against a runaway loop. */
export const MAX_ACTIVE_TOKENS = 50;

export const tokenInput = z.object({
  name: z.string().trim().min(1, "required").max(60, "at most 60 characters"),
  scopes: z
    .array(z.string())
    .min(1, "choose at least one scope")
    .refine((s) => s.every(isScope), "unknown scope"),
  expiresInDays: z.coerce.number().int().min(1, "at least 1 day").max(MAX_TOKEN_DAYS, `at most ${MAX_TOKEN_DAYS} days`),
});
export type TokenInput = z.input<typeof tokenInput>;

function invalid(issues: z.ZodError["issues"]) {
  const first = issues[0]!;
  const field = String(first.path[0] ?? "input");
  return fail("invalid", `${field}: ${first.message}`, { field });
}

/** Every scope asked for must be usable by the owner now: a token is never created with rights its owner lacks. */
function refusedScope(scopes: Scope[], owner: OwnerRights) {
  const missing = scopes.filter((s) => !scopeAvailable(s, owner.held));
  return missing.length
    ? fail("scope_not_held", `${owner.kind === "person" ? "You do" : "The service does"} not hold the rights for ${missing.join(", ")}.`, { field: "scopes" })
    : null;
}

async function insertToken(
  db: Db,
  actorId: number,
  owner: OwnerRights,
  input: z.output<typeof tokenInput>,
  now: Date,
): Promise<Result<{ id: number; token: string }>> {
  const ownerColumn = owner.kind === "person" ? eq(apiTokens.personId, owner.personId!) : eq(apiTokens.serviceId, owner.serviceId!);
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(ownerColumn, isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  if (n >= MAX_ACTIVE_TOKENS) return fail("too_many", `At most ${MAX_ACTIVE_TOKENS} active tokens; revoke one first.`);
  const token = newApiToken();
  const scopes = [...new Set(input.scopes)].sort() as Scope[];
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        personId: owner.personId,
        serviceId: owner.serviceId,
        name: input.name,
        scopes,
        tokenHash: tokenHash(token),
        tokenPrefix: visiblePrefix(token),
        createdById: actorId,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      actorId,
      subjectPersonId: owner.personId,
      changeType: "api_token.create",
      entity: "api_tokens",
      entityId: row!.id,
      after: { name: input.name, scopes, expiresAt: expiresAt.toISOString(), serviceId: owner.serviceId },
    });
    return { ok: true as const, id: row!.id, token };
  });
}

/** A person makes a token for their own scripts (profile page). The secret is returned once and never stored. */
export async function createPersonalToken(db: Db, personId: number, raw: TokenInput, now = new Date()): Promise<Result<{ id: number; token: string }>> {
  const owner = await personRights(db, personId);
  if (!owner) return fail("forbidden", "Only people who may log in can create tokens.");
  const parsed = tokenInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  return refusedScope(parsed.data.scopes as Scope[], owner) ?? insertToken(db, personId, owner, parsed.data, now);
}

/** An admin makes a token for a service identity; its scopes must be within what the service holds today. */
export async function createServiceToken(
  db: Db,
  actorId: number,
  serviceId: number,
  raw: TokenInput,
  now = new Date(),
): Promise<Result<{ id: number; token: string }>> {
  if (!(await permissionsOfPerson(db, actorId)).has("system.admin")) return fail("forbidden", "Only admins manage service tokens.");
  const parsed = tokenInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues);
  const [service] = await db.select().from(apiServices).where(eq(apiServices.id, serviceId));
  if (!service) return fail("not_found", "No such service.");
  const owner = await serviceRights(db, service);
  if (!owner) return fail("disabled", "The service is disabled or its sponsor may no longer log in.");
  return refusedScope(parsed.data.scopes as Scope[], owner) ?? insertToken(db, actorId, owner, parsed.data, now);
}

/** The owner revokes their own token; an admin may revoke any. Revoked tokens stop at the next request. */
export async function revokeToken(db: Db, actorId: number, tokenId: number, now = new Date()): Promise<Result> {
  const [token] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
  if (!token || token.revokedAt) return fail("not_found", "No active token with this id.");
  if (token.personId !== actorId && !(await permissionsOfPerson(db, actorId)).has("system.admin"))
    return fail("forbidden", "You may only revoke your own tokens.");
  await db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: token.personId,
      changeType: "api_token.revoke",
      entity: "api_tokens",
      entityId: tokenId,
      before: { name: token.name },
      after: { revokedAt: now.toISOString() },
    });
  });
  return { ok: true };
}

export interface TokenListRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  /** Scopes that have no effect now because the owner no longer holds their rights. */
  idleScopes: string[];
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
  expired: boolean;
}

function listRow(t: typeof apiTokens.$inferSelect, held: OwnerRights | null, now: Date): TokenListRow {
  const effective = held ? effectiveScopes(t.scopes, held.held) : [];
  return {
    id: t.id,
    name: t.name,
    prefix: t.tokenPrefix,
    scopes: t.scopes,
    idleScopes: t.scopes.filter((s) => !(effective as string[]).includes(s)),
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    lastUsedIp: t.lastUsedIp,
    revokedAt: t.revokedAt,
    expired: t.expiresAt <= now,
  };
}

/** A person's tokens, newest first, with which scopes are idle for lack of rights. */
export async function listPersonalTokens(db: Db, personId: number, now = new Date()): Promise<TokenListRow[]> {
  const [rows, owner] = await Promise.all([
    db.select().from(apiTokens).where(eq(apiTokens.personId, personId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)),
    personRights(db, personId),
  ]);
  return rows.map((t) => listRow(t, owner, now));
}

/** A service's tokens, newest first. */
export async function listServiceTokens(db: Db, serviceId: number, now = new Date()): Promise<TokenListRow[]> {
  const [rows, owner] = await Promise.all([
    db.select().from(apiTokens).where(eq(apiTokens.serviceId, serviceId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)),
    serviceRights(db, serviceId),
  ]);
  return rows.map((t) => listRow(t, owner, now));
}

/** Every person's active tokens for the admin page (who holds what), newest first. */
export async function listActivePersonalTokens(db: Db, now = new Date()) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.tokenPrefix,
      scopes: apiTokens.scopes,
      personId: apiTokens.personId,
      memberNumber: people.memberNumber,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(people, eq(people.id, apiTokens.personId))
    .leftJoin(profiles, eq(profiles.personId, apiTokens.personId))
    .where(and(isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(500);
}

/** The scopes a person could give a token today (the form offers only these). */
export async function scopesAvailableTo(db: Db, owner: { personId: number } | { serviceId: number }): Promise<Scope[]> {
  const rights = "personId" in owner ? await personRights(db, owner.personId) : await serviceRights(db, owner.serviceId);
  return rights ? ALL_SCOPES.filter((s) => scopeAvailable(s, rights.held)) : [];
}
