import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { thingLoans } from "@/lib/db/schema";
import { isLocale, translator } from "@/lib/i18n/translate";
import { formatPlainDate } from "@/lib/time";
import { recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { publicLink } from "../settings/public-link";
import { listOpenLoans } from "./loans";

export interface ReminderOptions {
  mailer: Mailer;
  now?: Date;
  /** A borrower is reminded at most this often per loan (default: daily runs remind once a day, not more). */
  minHoursBetween?: number;
}

/**
 * Call once a day: mails every borrower of an overdue thing. Each loan is marked with the time of its reminder,
 * so a run repeated the same day (a restart, a retry) does not mail twice.
 */
export async function sendOverdueReminders(db: Db, options: ReminderOptions): Promise<{ sent: number; skipped: number; failed: number }> {
  const now = options.now ?? new Date();
  const minGapMs = (options.minHoursBetween ?? 20) * 3_600_000;
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const loan of await listOpenLoans(db, { overdueAt: now })) {
    if (!loan.borrowerEmail || (loan.lastReminderAt && now.getTime() - loan.lastReminderAt.getTime() < minGapMs)) {
      skipped++;
      continue;
    }
    const locale = loan.borrowerLanguage && isLocale(loan.borrowerLanguage) ? loan.borrowerLanguage : "en";
    const t = translator(locale);
    const vars = {
      name: loan.borrowerName,
      thing: loan.thingName,
      number: loan.thingNumber,
      due: formatPlainDate(loan.dueOn, locale),
      link: await publicLink(db, `/things/${loan.thingNumber}`),
    };
    try {
      await options.mailer.send({ to: loan.borrowerEmail, subject: t("mail.loanOverdue.subject", vars), text: t("mail.loanOverdue.body", vars) });
    } catch {
      failed++; // the next run tries again; one unreachable address must not stop the others
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.update(thingLoans).set({ lastReminderAt: now }).where(eq(thingLoans.id, loan.loanId));
      await recordAudit(tx, {
        actorId: null,
        subjectPersonId: loan.borrowerPersonId,
        changeType: "thing.loan_reminder",
        entity: "thing",
        entityId: loan.thingId,
        after: { loanId: loan.loanId, remindedAt: now.toISOString() },
      });
    });
    sent++;
  }
  return { sent, skipped, failed };
}
