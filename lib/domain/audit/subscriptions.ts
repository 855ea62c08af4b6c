import { and, asc, eq, gt, max } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, auditLog, auditSubscriptions, profiles } from "@/lib/db/schema";
import { translator, isLocale } from "@/lib/i18n/translate";
import { permissionsOfPerson } from "../access/person-permissions";
import { sendCounted, type MailRun } from "../mail/mail-run";
import type { Mailer } from "../mail/mailer";
import { publicLink } from "../settings/public-link";
import { recordAudit } from "./record-audit";
import type { Failure, Result } from "../shared/result";

/** "person.status", "person.*" (an area) or "*" (everything). */
const changeTypePattern = z
  .string()
  .trim()
  .regex(/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/, "a change type like person.status or person.*");

export function matchesChangeType(pattern: string, changeType: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith(".*")) return changeType.startsWith(pattern.slice(0, -1));
  return pattern === changeType;
}

type Outcome = Result<object, Failure<"forbidden" | "invalid">>;

/** An admin (audit.read) subscribes to a change type; only entries after this moment are mailed. */
export async function subscribeToChanges(db: Db, actorId: number, changeType: string): Promise<Outcome> {
  if (!(await permissionsOfPerson(db, actorId)).has("audit.read")) return { ok: false, code: "forbidden", message: "You are not allowed to do this." };
  const parsed = changeTypePattern.safeParse(changeType);
  if (!parsed.success) return { ok: false, code: "invalid", message: `changeType: ${parsed.error.issues[0]!.message}`, field: "changeType" };
  await db.transaction(async (tx) => {
    const [{ last } = { last: 0 }] = await tx.select({ last: max(auditLog.id) }).from(auditLog);
    const [row] = await tx
      .insert(auditSubscriptions)
      .values({ personId: actorId, changeType: parsed.data, lastNotifiedId: last ?? 0 })
      .onConflictDoNothing()
      .returning();
    if (row)
      await recordAudit(tx, {
        actorId,
        subjectPersonId: actorId,
        changeType: "audit.subscribe",
        entity: "audit_subscription",
        entityId: row.id,
        after: { changeType: parsed.data },
      });
  });
  return { ok: true };
}

export async function unsubscribeFromChanges(db: Db, actorId: number, subscriptionId: number): Promise<Outcome> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(auditSubscriptions)
      .where(and(eq(auditSubscriptions.id, subscriptionId), eq(auditSubscriptions.personId, actorId)))
      .returning();
    if (row)
      await recordAudit(tx, {
        actorId,
        subjectPersonId: actorId,
        changeType: "audit.unsubscribe",
        entity: "audit_subscription",
        entityId: row.id,
        before: { changeType: row.changeType },
      });
  });
  return { ok: true };
}

export const subscriptionsOf = (db: Db, personId: number) =>
  db.select().from(auditSubscriptions).where(eq(auditSubscriptions.personId, personId)).orderBy(asc(auditSubscriptions.changeType));

/**
 * Mails each subscriber the entries matching their change types that are newer than the last mail, then moves
 * their mark forward. Subscribers who lost audit.read get nothing. Returns the mails sent and failed; a failed
 * mail stops no other (its range stays claimed: better one lost mail than repeats).
 */
export async function notifyAuditSubscribers(db: Db, mailer: Mailer): Promise<MailRun> {
  const subs = await db
    .select({ s: auditSubscriptions, email: accounts.email, language: profiles.preferredLanguage })
    .from(auditSubscriptions)
    .innerJoin(accounts, eq(accounts.personId, auditSubscriptions.personId))
    .leftJoin(profiles, eq(profiles.personId, auditSubscriptions.personId));
  const run: MailRun = { sent: 0, failed: 0 };
  for (const { s, email, language } of subs) {
    const entries = await db.select().from(auditLog).where(gt(auditLog.id, s.lastNotifiedId)).orderBy(asc(auditLog.id)).limit(500);
    if (entries.length === 0) continue;
    const last = entries.at(-1)!.id;
    const matching = entries.filter((e) => matchesChangeType(s.changeType, e.changeType));
    // Claim the range first: two notifier runs at once cannot mail the same entries twice.
    const claimed = await db
      .update(auditSubscriptions)
      .set({ lastNotifiedId: last })
      .where(and(eq(auditSubscriptions.id, s.id), eq(auditSubscriptions.lastNotifiedId, s.lastNotifiedId)))
      .returning({ id: auditSubscriptions.id });
    if (claimed.length === 0 || matching.length === 0) continue;
    if (!(await permissionsOfPerson(db, s.personId)).has("audit.read")) continue;
    const t = translator(language && isLocale(language) ? language : "en");
    const lines = matching.map(
      (e) => `${e.at.toISOString()}  ${e.changeType}  ${e.entity} ${e.entityId ?? ""}${e.subjectPersonId ? `  #${e.subjectPersonId}` : ""}`,
    );
    await sendCounted(
      mailer,
      {
        to: email,
        subject: t("mail.audit.subject", { count: matching.length, changeType: s.changeType }),
        text: t("mail.audit.body", { changeType: s.changeType, entries: lines.join("\n"), link: await publicLink(db, "/admin/audit") }),
      },
      run,
    );
  }
  return run;
}
