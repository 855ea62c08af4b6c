import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, membershipStatuses, people, profiles } from "@/lib/db/schema";
import type { ContainmentCode } from "../access/containment";
import { MIN_PASSWORD_LENGTH } from "./passwords";
import type { Failure, Result } from "../shared/result";

/*
 * Invitations (issue 15): a person without a login gets one by setting a password through a mailed link. The link
 * is single-use and expires; a newer invitation revokes the older ones. Accepting creates the login with the
 * address the link was mailed to — whoever can read that mailbox is the person, as with a password reset.
 * Sending: invitation-send.ts; accepting: invitation-accept.ts; the person page's login state: login-state.ts.
 * Here: who can be invited, and the refusals both sides answer with.
 */

export type InvitationCode =
  | "forbidden"
  | "not_found"
  | "has_login"
  | "no_email"
  | "may_not_log_in"
  | "rate_limited"
  | "invalid_token"
  | "weak_password"
  | "email_taken"
  | "mail_failed"
  | ContainmentCode;
export type InvitationResult<T extends object = object> = Result<T, Failure<InvitationCode>>;

const MESSAGES: Record<Exclude<InvitationCode, ContainmentCode>, string> = {
  forbidden: "You are not allowed to do this.",
  not_found: "No such person.",
  has_login: "This person can log in already.",
  no_email: "This person has no email address to invite.",
  may_not_log_in: "This person's status may not log in.",
  rate_limited: "This person was invited several times today already. Try again tomorrow.",
  invalid_token: "This invitation is invalid, expired or already used.",
  weak_password: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  email_taken: "This email is already the login of another person.",
  mail_failed: "The mail could not be sent.",
};
export const invitationFailure = (code: Exclude<InvitationCode, ContainmentCode>) => ({ ok: false as const, code, message: MESSAGES[code] });

export interface Invitee {
  personId: number;
  email: string | null;
  language: string | null;
  mayLogIn: boolean;
  erased: boolean;
  hasLogin: boolean;
}

export async function inviteeOf(db: Db, personId: number): Promise<Invitee | null> {
  const [row] = await db
    .select({
      personId: people.id,
      email: profiles.email,
      language: profiles.preferredLanguage,
      mayLogIn: membershipStatuses.mayLogIn,
      erasedAt: people.erasedAt,
      accountId: accounts.id,
    })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.id, personId));
  if (!row) return null;
  return {
    personId: row.personId,
    email: row.email?.trim().toLowerCase() || null,
    language: row.language,
    mayLogIn: row.mayLogIn,
    erased: Boolean(row.erasedAt),
    hasLogin: row.accountId !== null,
  };
}

/** Why this person cannot be invited, or null. */
export function inviteeProblem(invitee: Invitee | null): Exclude<InvitationCode, ContainmentCode> | null {
  if (!invitee || invitee.erased) return "not_found";
  if (invitee.hasLogin) return "has_login";
  if (!invitee.mayLogIn) return "may_not_log_in";
  if (!invitee.email) return "no_email";
  return null;
}
