import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailOptOuts } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, type Failure, type Result } from "../shared/result";
import { isMailTopic, MAIL_TOPICS, type MailTopic } from "./topics";

/** Which switchable mails the person gets (true) or turned off (false). */
export async function mailPreferencesOf(db: Db, personId: number): Promise<Record<MailTopic, boolean>> {
  const off = new Set((await db.select({ topic: mailOptOuts.topic }).from(mailOptOuts).where(eq(mailOptOuts.personId, personId))).map((r) => r.topic));
  return Object.fromEntries(MAIL_TOPICS.map((t) => [t, !off.has(t)])) as Record<MailTopic, boolean>;
}

/**
 * A person chooses their own mails (nobody else does it for them). Unknown topics are ignored; topics left out are
 * turned off, as an unticked checkbox sends nothing.
 */
export async function setMailPreferences(db: Db, actorId: number, personId: number, wanted: string[]): Promise<Result<object, Failure<"forbidden">>> {
  if (actorId !== personId) return fail("forbidden", "Only the person themselves chooses their mails.");
  const on = new Set(wanted.filter(isMailTopic));
  const before = await mailPreferencesOf(db, personId);
  await db.transaction(async (tx) => {
    for (const topic of MAIL_TOPICS) {
      if (on.has(topic)) await tx.delete(mailOptOuts).where(and(eq(mailOptOuts.personId, personId), eq(mailOptOuts.topic, topic)));
      else await tx.insert(mailOptOuts).values({ personId, topic }).onConflictDoNothing();
    }
    const after = Object.fromEntries(MAIL_TOPICS.map((t) => [t, on.has(t)])) as Record<MailTopic, boolean>;
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      await recordAudit(tx, {
        actorId,
        subjectPersonId: personId,
        changeType: "profile.mail_preferences",
        entity: "person",
        entityId: personId,
        before,
        after,
      });
    }
  });
  return { ok: true };
}
