import { and, asc, eq, gt, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes } from "@/lib/db/schema";
import type { Permission } from "../access/permissions";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";
import type { AuthorizationRecord } from "./authorization-service";

/** Everyone reads their own records; equipment managers anyone's (as on /admin/equipment/people). */
export function mayViewAuthorizationsOf(viewer: { personId: number | null; permissions: ReadonlySet<Permission> }, personId: number | undefined): boolean {
  if (viewer.permissions.has("equipment.manage")) return true;
  return viewer.personId !== null && personId === viewer.personId;
}

export interface AuthorizationFilter {
  personId?: number;
  equipmentTypeId?: number;
  /** Only those in force now: not revoked, not expired. */
  currentOnly?: boolean;
}

/** Authorization records across people, by id, one keyset page at a time (the API's list). */
export async function listAuthorizations(
  db: Db,
  f: AuthorizationFilter,
  page: { afterId: number | null; limit: number },
  now = new Date(),
): Promise<{ rows: (AuthorizationRecord & { current: boolean })[]; nextId: number | null }> {
  const conditions: (SQL | undefined)[] = [
    f.personId ? eq(equipmentAuthorizations.personId, f.personId) : undefined,
    f.equipmentTypeId ? eq(equipmentAuthorizations.equipmentTypeId, f.equipmentTypeId) : undefined,
    f.currentOnly
      ? and(isNull(equipmentAuthorizations.revokedAt), or(isNull(equipmentAuthorizations.expiresAt), gt(equipmentAuthorizations.expiresAt, now)))
      : undefined,
    page.afterId ? gt(equipmentAuthorizations.id, page.afterId) : undefined,
  ];
  const rows = await db
    .select({ a: equipmentAuthorizations, typeName: equipmentTypes.name })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(and(...conditions))
    .orderBy(asc(equipmentAuthorizations.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit).map((r) => ({ ...r.a, equipmentTypeName: r.typeName, current: isAuthorizationCurrent(r.a, now) }));
  return { rows: shown, nextId: rows.length > page.limit ? shown.at(-1)!.id : null };
}
