import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { equipmentAuthorizations, equipmentTypes } from "@/lib/db/schema";
import { remindClaimed } from "../mail/claimed-reminders";
import { notifyPerson } from "../mail/notify";
import type { Notifier } from "../training/training-mail";
import { formatDate } from "@/lib/time";
import { isAuthorizationCurrent } from "../machine-access/decide-machine-use";

export interface ReminderRun {
  reminded: number;
  failed: number;
}

/**
 * Mails everyone whose authorization runs out within `days` (default 30) and was not reminded yet. Meant for a
 * scheduled job; safe to run often and from several processes, because each reminder is claimed by setting
 * reminded_at before the mail goes out (and released again if sending fails, so the next run retries).
 * An authorization already renewed by a later one that lasts longer is not reminded.
 */
export async function sendExpiryReminders(db: Db, notifier: Notifier, options: { days?: number; now?: Date } = {}): Promise<ReminderRun> {
  const now = options.now ?? new Date();
  const horizon = new Date(now.getTime() + (options.days ?? 30) * 24 * 3600_000);
  const due = await db
    .select({ a: equipmentAuthorizations, typeName: equipmentTypes.name })
    .from(equipmentAuthorizations)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
    .where(
      and(
        isNull(equipmentAuthorizations.revokedAt),
        isNull(equipmentAuthorizations.remindedAt),
        gt(equipmentAuthorizations.expiresAt, now),
        lte(equipmentAuthorizations.expiresAt, horizon),
      ),
    );
  const counts = await remindClaimed(due, {
    claim: async ({ a }) => {
      if (await renewed(db, a, now)) return false;
      const [claimed] = await db
        .update(equipmentAuthorizations)
        .set({ remindedAt: now })
        .where(and(eq(equipmentAuthorizations.id, a.id), isNull(equipmentAuthorizations.remindedAt)))
        .returning({ id: equipmentAuthorizations.id });
      return !!claimed; // not: another run took it
    },
    send: ({ a, typeName }) =>
      notifyPerson(db, notifier.mailer, a.personId, "training", { subject: "mail.expiry.subject", body: "mail.expiry.body" }, (r) => ({
        type: typeName,
        level: r.t(`level.${a.level}`),
        date: formatDate(a.expiresAt!, r.locale, notifier.timeZone),
      })),
    release: ({ a }) => db.update(equipmentAuthorizations).set({ remindedAt: null }).where(eq(equipmentAuthorizations.id, a.id)),
    // Without an address on record the reminder waits for one.
    retryOn: ["failed", "no_address"],
  });
  return { reminded: counts.sent + counts.off, failed: counts.failed + counts.no_address };
}

async function renewed(db: Db, a: typeof equipmentAuthorizations.$inferSelect, now: Date): Promise<boolean> {
  const others = await db
    .select()
    .from(equipmentAuthorizations)
    .where(
      and(
        eq(equipmentAuthorizations.personId, a.personId),
        eq(equipmentAuthorizations.equipmentTypeId, a.equipmentTypeId),
        eq(equipmentAuthorizations.level, a.level),
        isNull(equipmentAuthorizations.revokedAt),
      ),
    );
  return others.some((o) => o.id !== a.id && isAuthorizationCurrent(o, now) && (o.expiresAt === null || o.expiresAt > a.expiresAt!));
}
