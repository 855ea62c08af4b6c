import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiServices, profiles, type ApiService } from "@/lib/db/schema";
import { permissionsOfPerson } from "../access/person-permissions";
import { isPermission, type Permission } from "../access/permissions";
import { recordAudit } from "../audit/record-audit";
import { fail, type Result } from "./result";
import { uniqueViolation } from "../shared/db-errors";

export const serviceInput = z.object({
  name: z.string().trim().min(1, "required").max(60, "at most 60 characters"),
  description: z.string().trim().max(500, "at most 500 characters").default(""),
  permissions: z.array(z.string()).refine((p) => p.every(isPermission), "unknown permission"),
});
export type ServiceInput = z.input<typeof serviceInput>;

async function adminRights(db: Db, actorId: number): Promise<Set<Permission> | null> {
  const held = await permissionsOfPerson(db, actorId);
  return held.has("system.admin") ? held : null;
}

/**
 * An admin creates a service identity and becomes its sponsor. It may only be given permissions the admin holds
 * (no permission lets its holder gain more than it grants), and it keeps no more than the sponsor holds later.
 */
export async function createService(db: Db, actorId: number, raw: ServiceInput): Promise<Result<{ id: number }>> {
  const held = await adminRights(db, actorId);
  if (!held) return fail("forbidden", "Only admins manage services.");
  const parsed = serviceInput.safeParse(raw);
  if (!parsed.success)
    return fail("invalid", `${String(parsed.error.issues[0]!.path[0] ?? "input")}: ${parsed.error.issues[0]!.message}`, {
      field: String(parsed.error.issues[0]!.path[0] ?? ""),
    });
  const permissions = [...new Set(parsed.data.permissions)].sort() as Permission[];
  const beyond = permissions.filter((p) => !held.has(p));
  if (beyond.length) return fail("scope_not_held", `You do not hold ${beyond.join(", ")}.`, { field: "permissions" });
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(apiServices)
        .values({ name: parsed.data.name, description: parsed.data.description, permissions, sponsorId: actorId })
        .returning({ id: apiServices.id });
      await recordAudit(tx, {
        actorId,
        changeType: "api_service.create",
        entity: "api_services",
        entityId: row!.id,
        after: { name: parsed.data.name, permissions },
      });
      return { ok: true as const, id: row!.id };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_name", `A service named "${parsed.data.name}" already exists.`, { field: "name" });
    throw error;
  }
}

/**
 * Disable (every token of it stops at once) or enable again. Enabling makes the acting admin the sponsor: the
 * service then answers to someone who holds the rights today.
 */
export async function setServiceEnabled(db: Db, actorId: number, serviceId: number, enabled: boolean, now = new Date()): Promise<Result> {
  if (!(await adminRights(db, actorId))) return fail("forbidden", "Only admins manage services.");
  const [service] = await db.select().from(apiServices).where(eq(apiServices.id, serviceId));
  if (!service) return fail("not_found", "No such service.");
  const change = enabled ? { disabledAt: null, sponsorId: actorId } : { disabledAt: now };
  await db.transaction(async (tx) => {
    await tx.update(apiServices).set(change).where(eq(apiServices.id, serviceId));
    await recordAudit(tx, {
      actorId,
      changeType: enabled ? "api_service.enable" : "api_service.disable",
      entity: "api_services",
      entityId: serviceId,
      before: { disabledAt: service.disabledAt?.toISOString() ?? null, sponsorId: service.sponsorId },
      after: { disabledAt: enabled ? null : now.toISOString(), sponsorId: enabled ? actorId : service.sponsorId },
    });
  });
  return { ok: true };
}

export interface ServiceRow extends ApiService {
  sponsorName: string;
}

export async function listServices(db: Db): Promise<ServiceRow[]> {
  const rows = await db
    .select({ s: apiServices, first: profiles.firstName, last: profiles.lastName })
    .from(apiServices)
    .leftJoin(profiles, eq(profiles.personId, apiServices.sponsorId))
    .orderBy(asc(apiServices.name));
  return rows.map(({ s, first, last }) => ({ ...s, sponsorName: [first, last].filter(Boolean).join(" ") || `#${s.sponsorId}` }));
}

export async function getService(db: Db, serviceId: number): Promise<ServiceRow | null> {
  return (await listServices(db)).find((s) => s.id === serviceId) ?? null;
}
