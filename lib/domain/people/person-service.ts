import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, membershipStatuses, people, profiles, profileStudies, type MembershipStatus } from "@/lib/db/schema";
import { grantRefusal, missingPermissions, permissionsOfGrant, subjectRefusal } from "../access/containment";
import { permissionsOfKeys, permissionsOfPerson, rightKeysOfPerson } from "../access/person-permissions";
import { outOfViewRefusal, ownStatusViewRightsRefusal, scopeOfKeys, viewRightsMissing, viewRightsOfStatus, visibleInScope } from "../access/view-rights";
import { recordAudit, diffValues } from "../audit/record-audit";
import { endAllSessions } from "../auth/sessions";
import { fail, forbidden, notFound, type Failure, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { invalidFrom } from "../shared/result";
import { profileAuditValues, profileInputSchema, type ProfileInput } from "./profile-input";
import { uniqueViolation } from "../shared/db-errors";
import { partnersAgree } from "./partner-consent";
import { resolveStudies, studiesOf } from "./study-fields";

/** True when someone other than `exceptPersonId` already uses this email (profile or login). */
export async function emailTaken(db: Db, email: string, exceptPersonId: number | null): Promise<boolean> {
  const other = exceptPersonId ?? -1;
  const [p] = await db
    .select({ id: profiles.personId })
    .from(profiles)
    .where(and(eq(sql`lower(${profiles.email})`, email), ne(profiles.personId, other)))
    .limit(1);
  if (p) return true;
  const [a] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(sql`lower(${accounts.email})`, email), ne(accounts.personId, other)))
    .limit(1);
  return Boolean(a);
}

const duplicateEmail = (email: string) => fail("duplicate_email", `The email ${email} is already used by another person.`, { field: "email" });

/** A status that is an actual membership gets a member number; applicants, former and banned people do not. */
export function statusGetsNumber(status: Pick<MembershipStatus, "mayUseMachines" | "inDirectory" | "mayVote">): boolean {
  return status.mayUseMachines || status.inDirectory || status.mayVote;
}

type ResolvedStudies = Extract<Awaited<ReturnType<typeof resolveStudies>>, { ok: true }>["rows"];

async function writeStudies(db: Db, personId: number, studies: ResolvedStudies | null): Promise<void> {
  if (!studies) return;
  await db.delete(profileStudies).where(eq(profileStudies.personId, personId));
  if (studies.length)
    await db.insert(profileStudies).values(studies.map((s) => ({ personId, fieldId: s.fieldId, startYear: s.startYear, endYear: s.endYear })));
}

export const newPersonSchema = z.object({ statusId: z.coerce.number().int().positive(), profile: profileInputSchema });

/** An admin creates a person with a profile. Member numbers come from member_number_seq and are never reused. */
export async function createPersonRecord(
  db: Db,
  actorId: number,
  input: { statusId: number; profile: ProfileInput },
): Promise<Result<{ personId: number; memberNumber: number | null }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = newPersonSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues.map((i) => ({ ...i, path: i.path[0] === "profile" ? i.path.slice(1) : i.path })));
  const { statusId, profile } = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const [status] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.id, statusId));
      if (!status) return fail("invalid", "Unknown membership status.", { field: "statusId" });
      const beyond = await grantRefusal(tx, actorId, { statusId });
      if (beyond) return beyond;
      if (profile.email && (await emailTaken(tx, profile.email, null))) return duplicateEmail(profile.email);
      const chosen = profile.studies ? await resolveStudies(tx, null, profile.studies) : null;
      if (chosen && !chosen.ok) return chosen;
      const numbered = statusGetsNumber(status);
      const [person] = await tx
        .insert(people)
        .values({ statusId, memberNumber: numbered ? sql`nextval('member_number_seq')` : null, joinedOn: numbered ? new Date() : null })
        .returning();
      const { studies: _chosenAbove, ...columns } = profile;
      await tx.insert(profiles).values({ personId: person!.id, ...columns });
      await writeStudies(tx, person!.id, chosen?.rows ?? null);
      await recordAudit(tx, {
        actorId,
        subjectPersonId: person!.id,
        changeType: "person.create",
        entity: "person",
        entityId: person!.id,
        after: {
          status: status.key,
          memberNumber: person!.memberNumber,
          ...profileAuditValues({ ...columns }),
          studies: (chosen?.rows ?? []).map(({ field, startYear, endYear }) => ({ field, startYear, endYear })),
        },
      });
      return { ok: true as const, personId: person!.id, memberNumber: person!.memberNumber };
    });
  } catch (error) {
    if (uniqueViolation(error) === "profiles_email_lower_idx") return duplicateEmail(profile.email ?? "");
    throw error;
  }
}

/**
 * Who may edit a person's record: the person themselves, or anyone with members.write acting on someone within
 * their view rights who holds no permission they lack. Null when allowed, else the refusal.
 */
export async function profileEditRefusal(db: Db, actorId: number, personId: number): Promise<Failure | null> {
  if (actorId === personId) return null;
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return (await outOfViewRefusal(db, actorId, personId)) ?? subjectRefusal(db, actorId, personId);
}

/**
 * Edits names, contact and the rest of the profile. The profile email is contact data: the login email never
 * follows it (that changes only by its owner's confirmed request or a system admin, see auth/email-change).
 */
export async function updateProfile(db: Db, actorId: number, personId: number, input: ProfileInput): Promise<Result> {
  const refused = await profileEditRefusal(db, actorId, personId);
  // A partner may edit the other's profile data while both agree (partnersAgree); only the data, nothing that
  // gives or takes access, so a partner never gains a permission this way.
  const asPartner = (refused?.code === "forbidden" || refused?.code === "not_found") && (await partnersAgree(db, actorId, personId));
  if (refused && !asPartner) return refused;
  const parsed = profileInputSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  const { studies, ...columns } = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(profiles).where(eq(profiles.personId, personId)).for("update");
      if (!before) return notFound();
      // The contact email can lead to a login on this record (a login request at sign-up): not a partner's to change.
      if (asPartner && (columns.email ?? null) !== (before.email?.toLowerCase() ?? null))
        return fail("forbidden", "Only the person themselves or the board changes the email.", { field: "email" });
      if (columns.email && columns.email !== before.email?.toLowerCase() && (await emailTaken(tx, columns.email, personId)))
        return duplicateEmail(columns.email);
      const chosen = studies ? await resolveStudies(tx, personId, studies) : null;
      if (chosen && !chosen.ok) return chosen;
      const oldStudies = (await studiesOf(tx, [personId])).map(({ field, startYear, endYear }) => ({ field, startYear, endYear }));
      await tx
        .update(profiles)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(profiles.personId, personId));
      await writeStudies(tx, personId, chosen?.rows ?? null);
      const newStudies = chosen ? chosen.rows.map(({ field, startYear, endYear }) => ({ field, startYear, endYear })) : oldStudies;
      const diff = diffValues(
        { ...profileAuditValues(before), studies: oldStudies },
        { ...profileAuditValues({ ...before, ...columns }), studies: newStudies },
      );
      if (Object.keys(diff.after).length) {
        await recordAudit(tx, { actorId, subjectPersonId: personId, changeType: "profile.update", entity: "profile", entityId: personId, ...diff });
      }
      return { ok: true as const };
    });
  } catch (error) {
    const index = uniqueViolation(error);
    if (index === "profiles_email_lower_idx" || index === "accounts_email_lower_idx") return duplicateEmail(columns.email ?? "");
    throw error;
  }
}

/** Moves a person to another status, with a reason for the history. Entering a membership status assigns a number once. */
export async function changeStatus(db: Db, actorId: number, personId: number, input: { statusId: number; reason: string }, now = new Date()): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  // Before anything about the person (their status) is answered.
  const outside = await outOfViewRefusal(db, actorId, personId);
  if (outside) return outside;
  const reason = input.reason?.trim() ?? "";
  if (!reason) return fail("invalid", "Please give a reason for the status change.", { field: "reason" });
  return db.transaction(async (tx) => {
    const [person] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
    if (!person) return notFound();
    const statuses = await tx.select().from(membershipStatuses);
    const from = statuses.find((s) => s.id === person.statusId)!;
    const to = statuses.find((s) => s.id === input.statusId);
    if (!to) return fail("invalid", "Unknown membership status.", { field: "statusId" });
    if (to.id === from.id) return { ok: true as const };
    return applyStatusChange(tx, actorId, person, from, to, reason, now);
  });
}

/**
 * Banning, ending or granting a membership: the person within the actor's view rights and not holding more than
 * the actor, nor may the new status grant more; nor may the actor move themselves to a status showing them groups
 * they may not see now (ownStatusViewRightsRefusal). Null when allowed; the scheduler (no actor) acts on rules admins set.
 */
export async function statusChangeRefusal(db: Db, actorId: number | null, personId: number, toStatusId: number): Promise<Failure | null> {
  if (actorId === null) return null;
  return (
    (await outOfViewRefusal(db, actorId, personId)) ??
    (await subjectRefusal(db, actorId, personId)) ??
    (await grantRefusal(db, actorId, { statusId: toStatusId })) ??
    (actorId === personId ? await ownStatusViewRightsRefusal(db, actorId, toStatusId) : null)
  );
}

/**
 * statusChangeRefusal for many people at once (a run such as the year end), weighed against the actor's rights as
 * they are when the run starts: the actor's rights, view rights and the new status's grant are read once per run, who
 * of them the actor sees is one statement, and each person's own permissions one statement. The ids of the people
 * refused, each person once. The run is one act: when the actor is among the due people and the run moves them (to
 * "former", say), the rights they lose with it still cover everyone else in the run, whatever order the rows come in.
 */
export async function statusChangeRefusals(db: Db, actorId: number | null, personIds: number[], toStatusId: number, now = new Date()): Promise<Set<number>> {
  const ids = [...new Set(personIds)];
  if (actorId === null || ids.length === 0) return new Set();
  const keys = await rightKeysOfPerson(db, actorId, now);
  const held = permissionsOfKeys(keys);
  if (missingPermissions(held, await permissionsOfGrant(db, { statusId: toStatusId })).length) return new Set(ids);
  const seen = await visibleInScope(db, scopeOfKeys(actorId, keys), ids, now);
  const refused = new Set(ids.filter((id) => !seen.has(id)));
  for (const id of seen) if (id !== actorId && missingPermissions(held, await permissionsOfPerson(db, id, now)).length) refused.add(id);
  if (seen.has(actorId) && viewRightsMissing(actorId, keys, await viewRightsOfStatus(db, toStatusId)).length) refused.add(actorId);
  return refused;
}

/** Shared by changeStatus, applicant approval and the end-of-year action; call inside a transaction. */
export async function applyStatusChange(
  tx: Db,
  actorId: number | null,
  person: { id: number; memberNumber: number | null; joinedOn: Date | null; leftOn: Date | null },
  from: MembershipStatus,
  to: MembershipStatus,
  reason: string,
  now: Date,
): Promise<Result> {
  const refused = await statusChangeRefusal(tx, actorId, person.id, to.id);
  if (refused) return refused;
  return writeStatusChange(tx, actorId, person, from, to, reason, now);
}

/** The change itself, for a caller that asked statusChangeRefusals first (the year end); inside a transaction. */
export async function writeStatusChange(
  tx: Db,
  actorId: number | null,
  person: { id: number; memberNumber: number | null; joinedOn: Date | null; leftOn: Date | null },
  from: MembershipStatus,
  to: MembershipStatus,
  reason: string,
  now: Date,
): Promise<Result> {
  const numbered = statusGetsNumber(to);
  const [updated] = await tx
    .update(people)
    .set({
      statusId: to.id,
      memberNumber: numbered && person.memberNumber === null ? sql`nextval('member_number_seq')` : person.memberNumber,
      joinedOn: numbered ? (person.joinedOn ?? now) : person.joinedOn,
      leftOn: numbered ? null : statusGetsNumber(from) ? now : person.leftOn,
      updatedAt: now,
    })
    .where(eq(people.id, person.id))
    .returning();
  // A status that may not log in ends every session now, so a later status that may does not revive old cookies.
  if (!to.mayLogIn) await endAllSessions(tx, person.id);
  await recordAudit(tx, {
    actorId,
    subjectPersonId: person.id,
    changeType: "person.status",
    entity: "person",
    entityId: person.id,
    before: { status: from.key, memberNumber: person.memberNumber },
    after: { status: to.key, memberNumber: updated!.memberNumber, reason },
  });
  return { ok: true };
}
