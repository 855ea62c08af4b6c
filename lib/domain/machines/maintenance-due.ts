import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLog, equipmentAuthorizations, machines, profiles } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { sendCounted, type MailRun } from "../mail/mail-run";
import type { Mailer } from "../mail/mailer";
import { isLocale, translator } from "@/lib/i18n/translate";
import { planHours, type PlanHoursRow } from "./plan-hours";

export interface DuePlan extends PlanHoursRow {
  machineName: string;
  equipmentTypeId: number;
}

/** Every overdue maintenance plan in the space, most overdue first. */
export async function duePlansAcrossSpace(db: Db, now = new Date()): Promise<DuePlan[]> {
  const due = (await planHours(db, { now })).filter((p) => p.overdue);
  if (due.length === 0) return [];
  const names = await db
    .select({ id: machines.id, name: machines.name, typeId: machines.equipmentTypeId })
    .from(machines)
    .where(inArray(machines.id, [...new Set(due.map((p) => p.machineId))]));
  const byId = new Map(names.map((m) => [m.id, m]));
  return due
    .map((p) => ({ ...p, machineName: byId.get(p.machineId)?.name ?? `#${p.machineId}`, equipmentTypeId: byId.get(p.machineId)?.typeId ?? 0 }))
    .sort((a, b) => b.hoursSince / b.everyHours - a.hoursSince / a.everyHours);
}

const NOTIFIED = "maintenance.due_notified";

/**
 * Mails the owners of each machine whose plan became due, once per due cycle: the cycle is the plan's `since`
 * (it moves with every intervention), remembered as an audit entry written before the mails go out, so a crash
 * mid-run loses a mail rather than sending it twice. Meant for a periodic job (scripts or the broker's loop).
 */
export async function notifyDueMaintenance(db: Db, mailer: Mailer, now = new Date()): Promise<{ notified: number; mails: number; failed: number }> {
  let notified = 0;
  const run: MailRun = { sent: 0, failed: 0 };
  for (const plan of await duePlansAcrossSpace(db, now)) {
    const since = plan.since.toISOString();
    const claimed = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727100611, ${plan.planId})`);
      const [seen] = await tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.changeType, NOTIFIED), eq(auditLog.entityId, String(plan.planId)), sql`${auditLog.after}->>'since' = ${since}`));
      if (seen) return false;
      await recordAudit(tx, {
        actorId: null,
        changeType: NOTIFIED,
        entity: "maintenance_plan",
        entityId: plan.planId,
        after: { since, hoursSince: Math.round(plan.hoursSince * 10) / 10, machineId: plan.machineId },
      });
      return true;
    });
    if (!claimed) continue;
    notified += 1;
    const owners = await db
      .selectDistinct({ email: profiles.email, language: profiles.preferredLanguage })
      .from(equipmentAuthorizations)
      .innerJoin(profiles, eq(profiles.personId, equipmentAuthorizations.personId))
      .where(
        and(
          eq(equipmentAuthorizations.equipmentTypeId, plan.equipmentTypeId),
          eq(equipmentAuthorizations.level, "owner"),
          isNull(equipmentAuthorizations.revokedAt),
          or(isNull(equipmentAuthorizations.expiresAt), gt(equipmentAuthorizations.expiresAt, now)),
          isNotNull(profiles.email),
        ),
      );
    for (const o of owners) {
      const t = translator(isLocale(o.language) ? o.language : "en");
      const vars = { machine: plan.machineName, plan: plan.lcdText, every: plan.everyHours, hours: plan.hoursSince.toFixed(1) };
      await sendCounted(mailer, { to: o.email!, subject: t("mach.mail.due.subject", vars), text: t("mach.mail.due.body", vars) }, run);
    }
  }
  return { notified, mails: run.sent, failed: run.failed };
}
