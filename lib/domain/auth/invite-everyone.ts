import { and, asc, eq, gt, isNull, notExists, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, invitations, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { subjectRefusal } from "../access/containment";
import { scopeCondition, viewScopeOf, type ViewScope } from "../access/view-rights";
import type { Mailer } from "../mail/mailer";
import { spaceToday } from "../settings/space-today";
import { actorMay } from "../shared/actor-may";
import { inviteOne } from "./invitation-send";
import type { Failure, Result } from "../shared/result";

/** People invited per call: the web form calls again with the cursor and shows the progress in between. */
export const BULK_INVITE_BATCH = 25;

export interface BulkInviteFilter {
  /** Only people of this status (default: every status that may log in). */
  statusId?: number | null;
}

export interface BulkInviteReport {
  sent: number;
  /** No email on the profile: nobody to mail. */
  skippedNoEmail: number;
  /** A link is already on its way and not expired (resend from the person page). */
  skippedPending: number;
  /** Above the sender (holds permissions they lack): invited by someone who may. */
  skippedAbove: number;
  /** The mail server refused or was away: nothing was left usable, invite them again later. */
  failed: { personId: number; email: string }[];
}

export type BulkInviteStep = Result<{ report: BulkInviteReport; cursor: number; done: boolean; remaining: number }, Failure<"forbidden">>;

const emptyReport = (): BulkInviteReport => ({ sent: 0, skippedNoEmail: 0, skippedPending: 0, skippedAbove: 0, failed: [] });

/**
 * People without a login whose status may log in, within the sender's view rights (the people list's rule: a desk
 * that sees members only invites no one else, nor learns their emails from the report), after `cursor` (person id).
 */
function candidates(db: Db, filter: BulkInviteFilter, scope: ViewScope, today: string, cursor: number, now: Date) {
  const pending = db
    .select({ one: sql`1` })
    .from(invitations)
    .where(and(eq(invitations.personId, people.id), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)));
  const noLogin = db
    .select({ one: sql`1` })
    .from(accounts)
    .where(eq(accounts.personId, people.id));
  return db
    .select({ personId: people.id, email: profiles.email, pending: sql<boolean>`exists (${pending})` })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(
      and(
        gt(people.id, cursor),
        isNull(people.erasedAt),
        eq(membershipStatuses.mayLogIn, true),
        filter.statusId ? eq(people.statusId, filter.statusId) : undefined,
        notExists(noLogin),
        scopeCondition(scope, today),
      ),
    )
    .orderBy(asc(people.id));
}

/**
 * "Invite everyone without a login": one batch of at most `batch` people after `cursor`. Each gets their own
 * invitation (audited each); a mail the server refuses fails that person only. members.write.
 */
export async function inviteEveryoneWithoutLogin(
  db: Db,
  mailer: Mailer,
  actorId: number,
  filter: BulkInviteFilter,
  cursor = 0,
  batch = BULK_INVITE_BATCH,
  now = new Date(),
): Promise<BulkInviteStep> {
  if (!(await actorMay(db, actorId, "members.write"))) return { ok: false, code: "forbidden", message: "You are not allowed to do this." };
  const [scope, today] = await Promise.all([viewScopeOf(db, actorId, now), spaceToday(db, now)]);
  const rows = await candidates(db, filter, scope, today, cursor, now).limit(batch + 1);
  const report = emptyReport();
  const mine = rows.slice(0, batch);
  for (const row of mine) {
    if (!row.email?.trim()) report.skippedNoEmail++;
    else if (row.pending) report.skippedPending++;
    else if (await subjectRefusal(db, actorId, row.personId)) report.skippedAbove++;
    else {
      const result = await inviteOne(db, mailer, actorId, row.personId, now);
      if (result.ok) report.sent++;
      else if (result.code === "mail_failed") report.failed.push({ personId: row.personId, email: row.email.trim().toLowerCase() });
      else if (result.code === "no_email") report.skippedNoEmail++;
    }
  }
  const next = mine.at(-1)?.personId ?? cursor;
  const done = rows.length <= batch;
  const remaining = done ? 0 : (await candidates(db, filter, scope, today, next, now)).length;
  return { ok: true, report, cursor: next, done, remaining };
}

/** How many people the bulk invitation would go through for this viewer (the form's "N people without a login"). */
export async function countWithoutLogin(
  db: Db,
  filter: BulkInviteFilter,
  scope: ViewScope,
  now = new Date(),
): Promise<{ total: number; withEmail: number; pending: number }> {
  const rows = await candidates(db, filter, scope, await spaceToday(db, now), 0, now);
  return { total: rows.length, withEmail: rows.filter((r) => r.email?.trim()).length, pending: rows.filter((r) => r.pending).length };
}
