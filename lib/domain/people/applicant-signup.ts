import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, applicantConfirmations, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { isLocale, LOCALES, translator, type Locale } from "@/lib/i18n/translate";
import { scopeCondition, type ViewScope } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import { spaceToday } from "../settings/space-today";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords";
import type { Mailer } from "../mail/mailer";
import { publicLink } from "../settings/public-link";
import { applyStatusChange, emailTaken } from "./person-service";
import { personWithoutLoginByEmail, recordLoginRequest } from "./login-requests";
import { fail, forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { outOfViewRefusal } from "../access/view-rights";
import { invalidFrom } from "../shared/result";
import { uniqueViolation } from "../shared/db-errors";
import { newToken, tokenHash } from "../shared/one-time-token";

export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;

export const signUpSchema = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
  preferredLanguage: z.enum(LOCALES).default("en"),
});

/**
 * Public sign-up: an applicant record with a login that stays disabled until the emailed link is opened.
 * The board then approves the application (approveApplicant). The address of a person already here without a
 * login makes no second record: a login request on that record, confirmed by the same mailed link and then
 * approved by an admin (login-requests.ts). An address that is already a login gets the same answer (personId
 * null) and its owner a mail saying so, with the way to log in or reset the password: the form cannot be used to
 * find out who is registered.
 */
export async function signUpApplicant(
  db: Db,
  mailer: Mailer,
  input: z.input<typeof signUpSchema>,
  now = new Date(),
): Promise<Result<{ personId: number | null }>> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return invalidFrom(parsed.error.issues);
  const { password, ...data } = parsed.data;
  const passwordHash = await hashPassword(password);
  const token = newToken();
  let personId: number;
  try {
    const created = await db.transaction(async (tx) => {
      const existing = await personWithoutLoginByEmail(tx, data.email);
      if (existing !== null) {
        const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
        await recordLoginRequest(tx, { personId: existing, email: data.email, passwordHash, tokenHash: tokenHash(token), expiresAt });
        return { linkTo: existing };
      }
      if (await emailTaken(tx, data.email, null)) return null;
      const [applicant] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
      if (!applicant) throw new Error('The membership status "applicant" is missing');
      const [person] = await tx.insert(people).values({ statusId: applicant.id }).returning();
      await tx.insert(profiles).values({ personId: person!.id, ...data });
      await tx.insert(accounts).values({ personId: person!.id, email: data.email, passwordHash, disabled: true });
      await tx
        .insert(applicantConfirmations)
        .values({ personId: person!.id, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS) });
      await recordAudit(tx, {
        actorId: person!.id,
        subjectPersonId: person!.id,
        changeType: "person.signup",
        entity: "person",
        entityId: person!.id,
        after: { status: "applicant", ...data },
      });
      return person!.id;
    });
    if (created === null) return tellOwner(db, mailer, data.email, data.preferredLanguage as Locale);
    if (typeof created === "object") {
      const t = translator(data.preferredLanguage as Locale);
      const link = await publicLink(db, `/signup/confirm?token=${encodeURIComponent(token)}`);
      await mailer.send({
        to: data.email,
        subject: t("mail.loginRequest.subject"),
        text: t("mail.loginRequest.body", { name: data.firstName, link, hours: CONFIRMATION_TTL_MS / 3_600_000 }),
      });
      return { ok: true, personId: null };
    }
    personId = created;
  } catch (error) {
    if (uniqueViolation(error)) return tellOwner(db, mailer, data.email, data.preferredLanguage as Locale);
    throw error;
  }
  const t = translator(data.preferredLanguage as Locale);
  await mailer.send({
    to: data.email,
    subject: t("mail.signup.subject"),
    text: t("mail.signup.body", {
      name: data.firstName,
      link: await publicLink(db, `/signup/confirm?token=${encodeURIComponent(token)}`),
      hours: CONFIRMATION_TTL_MS / 3_600_000,
    }),
  });
  return { ok: true, personId };
}

/** Someone applied with an address that is a login: its owner learns of it (in their own language) instead of the form. */
async function tellOwner(db: Db, mailer: Mailer, email: string, formLanguage: Locale): Promise<Result<{ personId: null }>> {
  const [owner] = await db
    .select({ language: profiles.preferredLanguage })
    .from(accounts)
    .leftJoin(profiles, eq(profiles.personId, accounts.personId))
    .where(eq(sql`lower(${accounts.email})`, email));
  const t = translator(owner?.language && isLocale(owner.language) ? owner.language : formLanguage);
  const [login, reset] = await Promise.all([publicLink(db, "/login"), publicLink(db, "/forgot-password")]);
  await mailer.send({ to: email, subject: t("mail.signupExisting.subject"), text: t("mail.signupExisting.body", { login, reset }) });
  return { ok: true, personId: null };
}

/**
 * "Send the link again": a fresh confirmation link (the older ones stop working) to an applicant who has not confirmed
 * yet, in their language. Every other address gets nothing and the same answer; the caller rate-limits per address
 * and source (mail-limits.ts), so this cannot flood an inbox or tell who applied.
 */
export async function resendApplicantConfirmation(db: Db, mailer: Mailer, email: string, now = new Date()): Promise<{ ok: true }> {
  const address = email.trim().toLowerCase();
  const [row] = await db
    .select({ personId: accounts.personId, email: accounts.email, firstName: profiles.firstName, language: profiles.preferredLanguage })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, accounts.personId))
    .where(and(eq(sql`lower(${accounts.email})`, address), eq(membershipStatuses.key, "applicant"), eq(accounts.disabled, true)));
  if (!row) return { ok: true };
  const token = newToken();
  const replaced = await db.transaction(async (tx) => {
    const confirmed = await tx
      .select({ id: applicantConfirmations.id })
      .from(applicantConfirmations)
      .where(and(eq(applicantConfirmations.personId, row.personId), isNotNull(applicantConfirmations.confirmedAt)));
    if (confirmed.length) return false;
    await tx.delete(applicantConfirmations).where(eq(applicantConfirmations.personId, row.personId));
    await tx
      .insert(applicantConfirmations)
      .values({ personId: row.personId, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS) });
    return true;
  });
  if (!replaced) return { ok: true };
  const t = translator(isLocale(row.language) ? row.language : "en");
  await mailer.send({
    to: row.email,
    subject: t("mail.signup.subject"),
    text: t("mail.signup.body", {
      name: row.firstName,
      link: await publicLink(db, `/signup/confirm?token=${encodeURIComponent(token)}`),
      hours: CONFIRMATION_TTL_MS / 3_600_000,
    }),
  });
  return { ok: true };
}

/**
 * The link in the mail: confirms the address and enables the login (applicants may log in and see their status).
 * A login request for an existing record (`request`) only gets confirmed: the login waits for an admin.
 */
export async function confirmApplicant(db: Db, token: string, now = new Date()): Promise<Result<{ personId: number; kind: "application" | "login_request" }>> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(applicantConfirmations)
      .set({ confirmedAt: now })
      .where(and(eq(applicantConfirmations.tokenHash, tokenHash(token)), isNull(applicantConfirmations.confirmedAt), gt(applicantConfirmations.expiresAt, now)))
      .returning();
    if (!claimed) return fail("invalid_token", "This confirmation link is invalid, expired or already used.");
    if (claimed.loginEmail !== null) {
      await recordAudit(tx, {
        actorId: null,
        subjectPersonId: claimed.personId,
        changeType: "person.login_request.confirm",
        entity: "person",
        entityId: claimed.personId,
        after: { email: claimed.loginEmail },
      });
      return { ok: true as const, personId: claimed.personId, kind: "login_request" as const };
    }
    await tx.update(accounts).set({ disabled: false }).where(eq(accounts.personId, claimed.personId));
    await recordAudit(tx, {
      actorId: claimed.personId,
      subjectPersonId: claimed.personId,
      changeType: "person.signup.confirm",
      entity: "person",
      entityId: claimed.personId,
      after: { emailConfirmed: true },
    });
    return { ok: true as const, personId: claimed.personId, kind: "application" as const };
  });
}

/** Applicants who confirmed their email and wait for the board. */
export async function listPendingApplicants(db: Db, scope: ViewScope, now = new Date()) {
  // Within the viewer's view rights, as the people list (no statement for the day when the viewer sees every group).
  const inScope = scope.all ? undefined : scopeCondition(scope, await spaceToday(db, now));
  return db
    .select({
      personId: people.id,
      firstName: profiles.firstName,
      lastName: profiles.lastName,
      email: profiles.email,
      confirmedAt: applicantConfirmations.confirmedAt,
    })
    .from(applicantConfirmations)
    .innerJoin(people, eq(people.id, applicantConfirmations.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .innerJoin(profiles, eq(profiles.personId, people.id))
    .where(and(pendingApplication, inScope));
}

/** A confirmed application of an applicant (not a login request): on `applicant_confirmations` joined to people's status. */
export const pendingApplication = and(
  eq(membershipStatuses.key, "applicant"),
  gt(applicantConfirmations.confirmedAt, new Date(0)),
  isNull(applicantConfirmations.loginEmail),
);

/** The board admits an applicant: status "member" (or another), which assigns the member number. */
export async function approveApplicant(db: Db, actorId: number, personId: number, statusKey = "member", now = new Date()): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ p: people, s: membershipStatuses })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(eq(people.id, personId))
      .for("update");
    if (!row) return notFound();
    // Before the person's status is answered (statusChangeRefusal asks again, for every status change).
    const outside = await outOfViewRefusal(tx, actorId, personId);
    if (outside) return outside;
    if (row.s.key !== "applicant") return fail("invalid", "This person is not an applicant.", { field: "status" });
    const [to] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.key, statusKey));
    if (!to) return fail("invalid", "Unknown membership status.", { field: "statusId" });
    return applyStatusChange(tx, actorId, row.p, row.s, to, "Application approved", now);
  });
}

/**
 * The board turns an application down: status "former" with the reason in the history, the login disabled.
 * The record stays (the history says what happened); erasure is a separate, explicit step.
 */
export async function rejectApplicant(db: Db, actorId: number, personId: number, reason: string, now = new Date()): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const why = reason.trim();
  if (!why) return fail("invalid", "Please give a reason for the rejection.", { field: "reason" });
  if (why.length > 1000) return fail("invalid", "The reason is too long.", { field: "reason" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ p: people, s: membershipStatuses })
      .from(people)
      .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
      .where(eq(people.id, personId))
      .for("update");
    if (!row) return notFound();
    // Before the person's status is answered (statusChangeRefusal asks again, for every status change).
    const outside = await outOfViewRefusal(tx, actorId, personId);
    if (outside) return outside;
    if (row.s.key !== "applicant") return fail("invalid", "This person is not an applicant.", { field: "status" });
    const [to] = await tx.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
    if (!to) return fail("not_found", 'There is no status "former".');
    const changed = await applyStatusChange(tx, actorId, row.p, row.s, to, `Application rejected: ${why}`, now);
    if (changed.ok) await tx.update(accounts).set({ disabled: true }).where(eq(accounts.personId, personId));
    return changed;
  });
}
