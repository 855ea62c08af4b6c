import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { clearAttemptsFor } from "../auth/rate-limit";
import {
  accounts,
  addresses,
  addressHolders,
  applicantConfirmations,
  auditLog,
  auditSubscriptions,
  cards,
  interventions,
  invitations,
  loginAttempts,
  machineCommands,
  mailingListOptIns,
  mailOptOuts,
  membershipStatuses,
  oidcCodes,
  oidcConsents,
  oidcTokens,
  people,
  profiles,
  unknownCards,
  usageSessions,
} from "@/lib/db/schema";
import { subjectRefusal } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { enqueueBackchannelLogout } from "../oidc/backchannel-logout";
import type { Logger } from "pino";
import type { FileStorage } from "@/lib/storage/file-storage";
import { removePhotoFiles } from "@/lib/storage/photos";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

/** Audit values that say nothing about who the person is; everything else in their history is blanked. */
const KEEP_IN_HISTORY = new Set([
  "status",
  "memberNumber",
  "type",
  "validFrom",
  "validUntil",
  "endsAtYearEnd",
  "isMain",
  "mainAddressId",
  "committee",
  "function",
  "since",
  "until",
  "level",
]);
const ERASED = "[erased]";

function blank(values: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, KEEP_IN_HISTORY.has(k) || v === null ? v : ERASED]));
}

function scrubStrings(value: unknown, needles: string[]): unknown {
  if (typeof value === "string") return needles.some((n) => value.toLowerCase().includes(n)) ? ERASED : value;
  if (Array.isArray(value)) return value.map((v) => scrubStrings(v, needles));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubStrings(v, needles)]));
  return value;
}

export interface EraseInput {
  reason?: string;
  /** Erasing a banned person needs this and a reason, so the ban's context is not lost by a slip. */
  confirmBanned?: boolean;
}

/**
 * GDPR erasure: the profile, studies, addresses, photo, login and contact traces go; the person row, cards,
 * usage and training history stay under "Former member #1234". History entries about the person keep their
 * shape (what changed, when, by whom) but lose the personal values.
 */
export async function erasePerson(
  db: Db,
  actorId: number,
  personId: number,
  input: EraseInput,
  opts: { photos?: FileStorage; logger?: Pick<Logger, "warn"> } = {},
  now = new Date(),
): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const reason = input.reason?.trim() ?? "";
  let photo: string | null = null;
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ p: people, s: membershipStatuses })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(eq(people.id, personId))
      .for("update");
    if (!row) return notFound();
    const outside = await outOfViewRefusal(tx, actorId, personId);
    if (outside) return outside;
    if (row.p.erasedAt) return { ok: true as const };
    const above = await subjectRefusal(tx, actorId, personId);
    if (above) return above;
    if (row.s.key === "banned" && (!input.confirmBanned || !reason)) {
      return fail("needs_confirmation", "This person is banned: confirm the erasure explicitly and give a reason.", {
        field: reason ? "confirmBanned" : "reason",
      });
    }
    const [profile] = await tx.select().from(profiles).where(eq(profiles.personId, personId));
    const [account] = await tx.select().from(accounts).where(eq(accounts.personId, personId));
    photo = profile?.photoPath ?? null;
    // Their card uids, except one a card of someone else now carries (a returned card handed on).
    const ownUids = new Set((await tx.select({ uid: cards.uid }).from(cards).where(eq(cards.personId, personId))).map((c) => c.uid));
    const handedOn = ownUids.size
      ? await tx
          .select({ uid: cards.uid })
          .from(cards)
          .where(and(inArray(cards.uid, [...ownUids]), eq(cards.state, "active"), ne(cards.personId, personId)))
      : [];
    const uids = [...ownUids].filter((uid) => uid !== "00000000" && !handedOn.some((h) => h.uid === uid));
    const needles = [profile?.email, account?.email, profile && `${profile.firstName} ${profile.lastName}`.trim(), profile?.lastName, profile?.phone, ...uids]
      .filter((s): s is string => Boolean(s && s.length >= 3))
      .map((s) => s.toLowerCase());

    const held = await tx.delete(addressHolders).where(eq(addressHolders.personId, personId)).returning();
    const heldIds = held.map((h) => h.addressId);
    if (heldIds.length) {
      // Shared rows stay for the partner; rows only this person held go.
      const stillHeld = await tx.select({ id: addressHolders.addressId }).from(addressHolders).where(inArray(addressHolders.addressId, heldIds));
      const orphaned = heldIds.filter((id) => !stillHeld.some((s) => s.id === id));
      if (orphaned.length) await tx.delete(addresses).where(inArray(addresses.id, orphaned));
    }
    await tx.update(profiles).set({ partnerPersonId: null, partnerMayEdit: false }).where(eq(profiles.partnerPersonId, personId));
    await tx.delete(profiles).where(eq(profiles.personId, personId)); // studies cascade
    await tx.delete(applicantConfirmations).where(eq(applicantConfirmations.personId, personId));
    await tx.delete(auditSubscriptions).where(eq(auditSubscriptions.personId, personId));
    await tx.delete(mailingListOptIns).where(eq(mailingListOptIns.personId, personId));
    await tx.delete(invitations).where(eq(invitations.personId, personId)); // the addresses links were mailed to
    await tx.delete(mailOptOuts).where(eq(mailOptOuts.personId, personId)); // their choices say something about them
    // Services they logged in to: told to log them out (back-channel, while the consents still say which), then
    // consents and tokens go (every step refuses an erased person anyway).
    await enqueueBackchannelLogout(tx, personId);
    await tx.delete(oidcConsents).where(eq(oidcConsents.personId, personId));
    await tx.delete(oidcCodes).where(eq(oidcCodes.personId, personId));
    await tx.delete(oidcTokens).where(eq(oidcTokens.personId, personId));
    const emails = [profile?.email, account?.email].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase());
    if (emails.length) await tx.delete(loginAttempts).where(inArray(sql`lower(${loginAttempts.email})`, emails));
    await clearAttemptsFor(tx, emails);
    if (account) await tx.delete(accounts).where(eq(accounts.id, account.id)); // reset tokens cascade
    await tx
      .update(cards)
      .set({ state: "revoked", endedAt: now, endedReason: "erased" })
      .where(and(eq(cards.personId, personId), eq(cards.state, "active")));
    // A card uid identifies the person as well as a name: the cards, sessions and swipes keep the blank uid the
    // retention purge uses; who did maintenance is forgotten, and notes naming them are blanked.
    if (uids.length) {
      await tx
        .update(cards)
        .set({ uid: "00000000" })
        .where(and(eq(cards.personId, personId), inArray(cards.uid, uids)));
      await tx
        .update(usageSessions)
        .set({ cardUid: "00000000" })
        .where(and(inArray(usageSessions.cardUid, uids), or(eq(usageSessions.personId, personId), isNull(usageSessions.personId))));
      await tx.update(machineCommands).set({ cardUid: "00000000" }).where(inArray(machineCommands.cardUid, uids));
      await tx.delete(unknownCards).where(inArray(unknownCards.uid, uids));
    }
    await tx.update(interventions).set({ personId: null }).where(eq(interventions.personId, personId));

    // Banned stays banned (the record still refuses them); everyone else becomes former.
    const [former] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
    const statusId = row.s.key === "banned" || !former ? row.p.statusId : former.id;
    await tx
      .update(people)
      .set({ erasedAt: now, statusId, leftOn: row.p.leftOn ?? now, updatedAt: now })
      .where(eq(people.id, personId));

    const history = await tx.select().from(auditLog).where(eq(auditLog.subjectPersonId, personId));
    for (const entry of history)
      await tx
        .update(auditLog)
        .set({ before: blank(entry.before), after: blank(entry.after) })
        .where(eq(auditLog.id, entry.id));
    if (needles.length) {
      const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      await tx
        .update(interventions)
        .set({ notes: ERASED })
        .where(or(...patterns.map((p) => sql`${interventions.notes} ilike ${p}`)));
      // Other records may quote the person (e.g. a partner's entry): blank any value that contains them.
      const mentions = await tx
        .select()
        .from(auditLog)
        .where(or(...patterns.flatMap((p) => [sql`${auditLog.before}::text ilike ${p}`, sql`${auditLog.after}::text ilike ${p}`])));
      for (const entry of mentions) {
        await tx
          .update(auditLog)
          .set({
            before: scrubStrings(entry.before, needles) as Record<string, unknown> | null,
            after: scrubStrings(entry.after, needles) as Record<string, unknown> | null,
          })
          .where(eq(auditLog.id, entry.id));
      }
    }
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "person.erase",
      entity: "person",
      entityId: personId,
      before: { status: row.s.key },
      after: { erased: true, reason: reason || null },
    });
    return { ok: true as const };
  });
  // Both rendered sizes go once the database no longer points at them. The erasure is committed by now, so a
  // storage problem is logged (orphan files, no longer linked to anyone) instead of reporting a failed erasure.
  if (result.ok && opts.photos) {
    await removePhotoFiles(opts.photos, photo).catch((error: unknown) =>
      opts.logger?.warn({ err: error, personId }, "erased person's photo files could not be removed"),
    );
  }
  return result;
}
