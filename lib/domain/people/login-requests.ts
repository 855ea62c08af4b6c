import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, applicantConfirmations, invitations, people, profiles } from "@/lib/db/schema";
import { subjectRefusal } from "../access/containment";
import { outOfViewRefusal, scopeCondition, type ViewScope } from "../access/view-rights";
import { spaceToday } from "../settings/space-today";
import { recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { notifyPerson, type NotifyOutcome } from "../mail/notify";
import { publicLink } from "../settings/public-link";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

/*
 * Sign-up with the address of a person already here without a login (imported, created by an admin, made from an
 * unknown card): no second record. The sign-up becomes a login request on that record — the address and the
 * password typed — which the mailed link confirms and an admin then approves (or turns down) on the applicants
 * page. Until approved there is no login: whoever reads the mailbox proves the address, the admin that the record
 * is theirs (an address on an old record may have changed hands).
 */

/** The person with this profile address, here without a login and not erased; null otherwise. */
export async function personWithoutLoginByEmail(db: Db, email: string): Promise<number | null> {
  const [row] = await db
    .select({ personId: people.id })
    .from(profiles)
    .innerJoin(people, eq(people.id, profiles.personId))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(and(eq(sql`lower(${profiles.email})`, email), isNull(people.erasedAt), isNull(accounts.id)))
    .limit(1);
  if (!row) return null;
  const [login] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email))
    .limit(1);
  return login ? null : row.personId;
}

/** Written in the sign-up's transaction; a newer request replaces the person's unconfirmed ones. */
export async function recordLoginRequest(
  db: Db,
  input: { personId: number; email: string; passwordHash: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .delete(applicantConfirmations)
    .where(and(eq(applicantConfirmations.personId, input.personId), isNotNull(applicantConfirmations.loginEmail), isNull(applicantConfirmations.confirmedAt)));
  await db.insert(applicantConfirmations).values({
    personId: input.personId,
    tokenHash: input.tokenHash,
    expiresAt: input.expiresAt,
    loginEmail: input.email,
    loginPasswordHash: input.passwordHash,
  });
  await recordAudit(db, {
    actorId: null,
    subjectPersonId: input.personId,
    changeType: "person.login_request",
    entity: "person",
    entityId: input.personId,
    after: { email: input.email },
  });
}

export interface LoginRequest {
  requestId: number;
  personId: number;
  firstName: string;
  lastName: string;
  email: string;
  confirmedAt: Date;
}

/** A login request confirmed from its mail, of a person not erased: on `applicant_confirmations` joined to people. */
export const confirmedLoginRequest = and(isNotNull(applicantConfirmations.loginEmail), isNotNull(applicantConfirmations.confirmedAt), isNull(people.erasedAt));

/** Confirmed login requests waiting for an admin, oldest first. */
export async function listLoginRequests(db: Db, scope: ViewScope, now = new Date()): Promise<LoginRequest[]> {
  // Within the viewer's view rights, as the people list (no statement for the day when the viewer sees every group).
  const inScope = scope.all ? undefined : scopeCondition(scope, await spaceToday(db, now));
  const rows = await db
    .select({
      requestId: applicantConfirmations.id,
      personId: applicantConfirmations.personId,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      email: applicantConfirmations.loginEmail,
      confirmedAt: applicantConfirmations.confirmedAt,
    })
    .from(applicantConfirmations)
    .innerJoin(people, eq(people.id, applicantConfirmations.personId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(confirmedLoginRequest, inScope))
    .orderBy(asc(applicantConfirmations.confirmedAt), asc(applicantConfirmations.id));
  return rows.map((r) => ({ ...r, email: r.email!, confirmedAt: r.confirmedAt! }));
}

async function confirmedRequest(db: Db, requestId: number) {
  const [row] = await db
    .select()
    .from(applicantConfirmations)
    .where(and(eq(applicantConfirmations.id, requestId), isNotNull(applicantConfirmations.loginEmail), isNotNull(applicantConfirmations.confirmedAt)))
    .for("update");
  return row ?? null;
}

/**
 * An admin approves: the login is made on the existing record with the address and password of the sign-up, and
 * the person's open invitations are revoked (they have a login now). Bounded like an invitation: nobody gives a
 * login to a person who holds more than they do.
 */
export async function approveLoginRequest(db: Db, actorId: number, requestId: number, now = new Date()): Promise<Result<{ personId: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const [target] = await db.select({ personId: applicantConfirmations.personId }).from(applicantConfirmations).where(eq(applicantConfirmations.id, requestId));
  if (!target) return notFound("login request");
  const above = (await outOfViewRefusal(db, actorId, target.personId)) ?? (await subjectRefusal(db, actorId, target.personId));
  if (above) return above;
  return db.transaction(async (tx) => {
    const request = await confirmedRequest(tx, requestId);
    if (!request) return notFound("login request");
    const email = request.loginEmail!;
    const [taken] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(sql`${accounts.personId} = ${request.personId} or lower(${accounts.email}) = ${email}`)
      .limit(1);
    if (taken) {
      // Someone made the login meanwhile (an accepted invitation): the request has nothing left to do.
      await tx.delete(applicantConfirmations).where(eq(applicantConfirmations.id, requestId));
      return fail("duplicate_email", `The email ${email} is already a login.`, { field: "email" });
    }
    await tx.insert(accounts).values({ personId: request.personId, email, passwordHash: request.loginPasswordHash! });
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.personId, request.personId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    await tx.delete(applicantConfirmations).where(and(eq(applicantConfirmations.personId, request.personId), isNotNull(applicantConfirmations.loginEmail)));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: request.personId,
      changeType: "person.login_request.approve",
      entity: "person",
      entityId: request.personId,
      after: { email },
    });
    return { ok: true as const, personId: request.personId };
  });
}

/** An admin turns the request down: it is deleted; the record stays as it was. */
export async function rejectLoginRequest(db: Db, actorId: number, requestId: number): Promise<Result<{ personId: number }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return db.transaction(async (tx) => {
    const request = await confirmedRequest(tx, requestId);
    if (!request) return notFound("login request");
    if (await outOfViewRefusal(tx, actorId, request.personId)) return notFound("login request");
    await tx.delete(applicantConfirmations).where(eq(applicantConfirmations.id, requestId));
    await recordAudit(tx, {
      actorId,
      subjectPersonId: request.personId,
      changeType: "person.login_request.reject",
      entity: "person",
      entityId: request.personId,
      before: { email: request.loginEmail },
    });
    return { ok: true as const, personId: request.personId };
  });
}

/** After the approval: the person learns they can log in now (essential, in their language). */
export async function mailLoginApproved(db: Db, mailer: Mailer, personId: number): Promise<NotifyOutcome> {
  const link = await publicLink(db, "/login");
  return notifyPerson(db, mailer, personId, "essential", { subject: "mail.loginRequest.approved.subject", body: "mail.loginRequest.approved.body" }, () => ({
    link,
  }));
}
