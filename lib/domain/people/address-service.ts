import { and, asc, eq, ne, sql } from "drizzle-orm";
import { perDb } from "@/lib/db/prepared";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { addresses, addressHolders, addressTypes } from "@/lib/db/schema";
import { subjectRefusal } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { diffValues, recordAudit } from "../audit/record-audit";
import { fail, forbidden, notFound, type Failure, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { checkViolation, uniqueViolation } from "../shared/db-errors";
import { partnersAgree } from "./partner-consent";

export const addressInputSchema = z.object({
  street: z.string().trim().min(1).max(200),
  extra: z.string().trim().max(200).default(""),
  postalCode: z.string().trim().max(20).default(""),
  city: z.string().trim().min(1).max(100),
  country: z.string().trim().max(100).default(""),
});
export type AddressInput = z.input<typeof addressInputSchema>;

/**
 * Self, the partner when both partners agreed to edit each other's data (setPartnerConsent, or the board
 * recording it when linking them), or anyone with members.write acting on someone within their view rights who
 * holds no permission they lack. Null when allowed; someone outside the view rights is not found.
 */
export async function addressEditRefusal(db: Db, actorId: number, personId: number): Promise<Failure | null> {
  if (actorId === personId) return null;
  if (await partnersAgree(db, actorId, personId)) return null;
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return (await outOfViewRefusal(db, actorId, personId)) ?? (await subjectRefusal(db, actorId, personId));
}

export async function mayEditAddressesOf(db: Db, actorId: number, personId: number): Promise<boolean> {
  return (await addressEditRefusal(db, actorId, personId)) === null;
}

const secondMain = () => fail("main_address", "A person has exactly one main address.", { field: "isMain" });

/** Runs an address change, turning the database's main-address guards into a clear message. */
async function guarded<T extends object>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    if (uniqueViolation(error) === "address_holders_one_main_idx" || checkViolation(error) === "address_holders_exactly_one_main") return secondMain();
    throw error;
  }
}

async function holdings(db: Db, personId: number) {
  return db.select().from(addressHolders).where(eq(addressHolders.personId, personId)).orderBy(asc(addressHolders.addressId));
}

/** Adds an address. The first one is the main address; `isMain` moves the main mark here from the old one. */
export async function addAddress(
  db: Db,
  actorId: number,
  personId: number,
  input: AddressInput & { typeId: number; isMain?: boolean },
): Promise<Result<{ addressId: number }>> {
  const refused = await addressEditRefusal(db, actorId, personId);
  if (refused) return refused;
  const parsed = addressInputSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  return guarded(() =>
    db.transaction(async (tx) => {
      const [type] = await tx.select().from(addressTypes).where(eq(addressTypes.id, input.typeId));
      if (!type) return fail("invalid", "Unknown address type.", { field: "typeId" });
      const existing = await holdings(tx, personId);
      const isMain = existing.length === 0 || Boolean(input.isMain);
      const [address] = await tx.insert(addresses).values(parsed.data).returning();
      if (isMain) await tx.update(addressHolders).set({ isMain: false }).where(eq(addressHolders.personId, personId));
      await tx.insert(addressHolders).values({ addressId: address!.id, personId, typeId: type.id, isMain });
      await recordAudit(tx, {
        actorId,
        subjectPersonId: personId,
        changeType: "address.create",
        entity: "address",
        entityId: address!.id,
        after: { ...parsed.data, type: type.key, isMain },
      });
      return { ok: true as const, addressId: address!.id };
    }),
  );
}

/**
 * Whether the actor may edit this address row: the edit changes it for every holder, so the actor must be allowed
 * to edit the addresses of each of them (a partner only where the admin allowed partners to edit shared data).
 */
export async function mayEditAddress(db: Db, actorId: number, addressId: number): Promise<boolean> {
  const holders = await db.select({ personId: addressHolders.personId }).from(addressHolders).where(eq(addressHolders.addressId, addressId));
  for (const h of holders) if (!(await mayEditAddressesOf(db, actorId, h.personId))) return false;
  return holders.length > 0;
}

/** Edits the address row itself: every holder (e.g. both partners) sees the change; each gets a history entry. */
export async function updateAddress(db: Db, actorId: number, personId: number, addressId: number, input: AddressInput): Promise<Result> {
  const refused = await addressEditRefusal(db, actorId, personId);
  if (refused) return refused;
  const parsed = addressInputSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  return db.transaction(async (tx) => {
    const holders = await tx.select().from(addressHolders).where(eq(addressHolders.addressId, addressId));
    if (!holders.some((h) => h.personId === personId)) return notFound("address");
    // A shared row moves the partner too: refused unless the actor may edit the partner's addresses as well.
    for (const h of holders) if (h.personId !== personId && !(await mayEditAddressesOf(tx, actorId, h.personId))) return forbidden();
    const [before] = await tx.select().from(addresses).where(eq(addresses.id, addressId));
    await tx
      .update(addresses)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(addresses.id, addressId));
    const { street, extra, postalCode, city, country } = before!;
    const diff = diffValues({ street, extra, postalCode, city, country }, parsed.data);
    for (const h of holders) {
      await recordAudit(tx, { actorId, subjectPersonId: h.personId, changeType: "address.update", entity: "address", entityId: addressId, ...diff });
    }
    return { ok: true as const };
  });
}

/** Makes one of the person's addresses their main one (and no other). */
export async function setMainAddress(db: Db, actorId: number, personId: number, addressId: number): Promise<Result> {
  const refused = await addressEditRefusal(db, actorId, personId);
  if (refused) return refused;
  return guarded(() =>
    db.transaction(async (tx) => {
      const mine = await holdings(tx, personId);
      if (!mine.some((h) => h.addressId === addressId)) return notFound("address");
      const old = mine.find((h) => h.isMain);
      if (old?.addressId === addressId) return { ok: true as const };
      await tx
        .update(addressHolders)
        .set({ isMain: false })
        .where(and(eq(addressHolders.personId, personId), ne(addressHolders.addressId, addressId)));
      await tx
        .update(addressHolders)
        .set({ isMain: true })
        .where(and(eq(addressHolders.personId, personId), eq(addressHolders.addressId, addressId)));
      await recordAudit(tx, {
        actorId,
        subjectPersonId: personId,
        changeType: "address.main",
        entity: "address",
        entityId: addressId,
        before: { mainAddressId: old?.addressId ?? null },
        after: { mainAddressId: addressId },
      });
      return { ok: true as const };
    }),
  );
}

/** Removes an address from a person; the row goes when nobody holds it any more. Another address becomes main. */
export async function removeAddress(db: Db, actorId: number, personId: number, addressId: number): Promise<Result> {
  const refused = await addressEditRefusal(db, actorId, personId);
  if (refused) return refused;
  return guarded(() =>
    db.transaction(async (tx) => {
      const [gone] = await tx
        .delete(addressHolders)
        .where(and(eq(addressHolders.personId, personId), eq(addressHolders.addressId, addressId)))
        .returning();
      if (!gone) return notFound("address");
      const rest = await holdings(tx, personId);
      if (gone.isMain && rest.length) {
        await tx
          .update(addressHolders)
          .set({ isMain: true })
          .where(and(eq(addressHolders.personId, personId), eq(addressHolders.addressId, rest[0]!.addressId)));
      }
      const [address] = await tx.select().from(addresses).where(eq(addresses.id, addressId));
      const others = await tx.select().from(addressHolders).where(eq(addressHolders.addressId, addressId));
      if (others.length === 0) await tx.delete(addresses).where(eq(addresses.id, addressId));
      await recordAudit(tx, {
        actorId,
        subjectPersonId: personId,
        changeType: "address.delete",
        entity: "address",
        entityId: addressId,
        before: { street: address?.street, city: address?.city, isMain: gone.isMain },
      });
      return { ok: true as const };
    }),
  );
}

/** Partners share one address row: the partner becomes a holder too, so a move is one edit for both. */
export async function shareAddress(
  db: Db,
  actorId: number,
  addressId: number,
  fromPersonId: number,
  toPersonId: number,
  opts: { isMain?: boolean } = {},
): Promise<Result> {
  if (!(await mayEditAddressesOf(db, actorId, fromPersonId)) || !(await mayEditAddressesOf(db, actorId, toPersonId))) return forbidden();
  return guarded(() =>
    db.transaction(async (tx) => {
      const [source] = await tx
        .select()
        .from(addressHolders)
        .where(and(eq(addressHolders.addressId, addressId), eq(addressHolders.personId, fromPersonId)));
      if (!source) return notFound("address");
      const theirs = await holdings(tx, toPersonId);
      if (theirs.some((h) => h.addressId === addressId)) return { ok: true as const };
      const isMain = theirs.length === 0 || Boolean(opts.isMain);
      if (isMain) await tx.update(addressHolders).set({ isMain: false }).where(eq(addressHolders.personId, toPersonId));
      await tx.insert(addressHolders).values({ addressId, personId: toPersonId, typeId: source.typeId, isMain });
      await recordAudit(tx, {
        actorId,
        subjectPersonId: toPersonId,
        changeType: "address.share",
        entity: "address",
        entityId: addressId,
        after: { sharedWith: fromPersonId, isMain },
      });
      return { ok: true as const };
    }),
  );
}

export interface PersonAddress {
  addressId: number;
  typeId: number;
  typeKey: string;
  typeName: string;
  isMain: boolean;
  street: string;
  extra: string;
  postalCode: string;
  city: string;
  country: string;
  /** Other people holding the same row (partners). */
  sharedWith: number[];
}

const addressStatements = perDb((db) => ({
  // One statement (was one more per address for who else holds it), prepared: the person pages ask on every request.
  of: db
    .select({
      h: addressHolders,
      a: addresses,
      t: addressTypes,
      sharedWith: sql<
        number[]
      >`array(select "o"."person_id" from ${addressHolders} "o" where "o"."address_id" = ${addresses.id} and "o"."person_id" <> ${addressHolders.personId} order by 1)`,
    })
    .from(addressHolders)
    .innerJoin(addresses, eq(addresses.id, addressHolders.addressId))
    .innerJoin(addressTypes, eq(addressTypes.id, addressHolders.typeId))
    .where(eq(addressHolders.personId, sql.placeholder("personId")))
    .orderBy(asc(addressTypes.sortOrder), asc(addresses.id))
    .prepare("addresses_of"),
}));

export async function addressesOf(db: Db, personId: number): Promise<PersonAddress[]> {
  const rows = await addressStatements(db).of.execute({ personId });
  const result: PersonAddress[] = rows.map(({ h, a, t, sharedWith }) => {
    const { street, extra, postalCode, city, country } = a;
    return {
      addressId: a.id,
      typeId: t.id,
      typeKey: t.key,
      typeName: t.name,
      isMain: h.isMain,
      street,
      extra,
      postalCode,
      city,
      country,
      sharedWith,
    };
  });
  return result.sort((x, y) => Number(y.isMain) - Number(x.isMain));
}

export function formatAddress(a: Pick<PersonAddress, "street" | "extra" | "postalCode" | "city" | "country">): string {
  return [a.street, a.extra, [a.postalCode, a.city].filter(Boolean).join(" "), a.country].filter(Boolean).join(", ");
}
