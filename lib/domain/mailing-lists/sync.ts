import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailingLists, type MailingList } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { listMembers } from "./list-members";
import { MailmanError, mailmanListId, type MailmanClient, type RosterEntry } from "./mailman-client";
import { fail, forbidden, type Result } from "./result";
import { actorMay } from "../shared/actor-may";

export interface SyncPlan {
  listId: number;
  listName: string;
  mailmanListId: string;
  subscribe: { email: string; name: string }[];
  unsubscribe: RosterEntry[];
  unchanged: number;
}

export interface SyncOutcome {
  plan: SyncPlan;
  subscribed: number;
  unsubscribed: number;
  failures: string[];
}

/** The differences between who should be on the list and who is on it in Mailman (addresses compared case-insensitively). */
export function diffMembers(wanted: { email: string; name: string }[], roster: RosterEntry[]): Pick<SyncPlan, "subscribe" | "unsubscribe" | "unchanged"> {
  const want = new Map(wanted.map((w) => [w.email.toLowerCase(), w]));
  const have = new Map(roster.map((r) => [r.email.toLowerCase(), r]));
  return {
    subscribe: [...want].filter(([email]) => !have.has(email)).map(([, w]) => w),
    unsubscribe: [...have].filter(([email]) => !want.has(email)).map(([, r]) => r),
    unchanged: [...want.keys()].filter((email) => have.has(email)).length,
  };
}

async function plan(db: Db, client: MailmanClient, list: MailingList): Promise<SyncPlan> {
  const members = await listMembers(db, list.id);
  const wanted = members.map((m) => ({ email: m.email, name: [m.firstName, m.lastName].filter(Boolean).join(" ") }));
  const id = mailmanListId(list.address);
  return { listId: list.id, listName: list.name, mailmanListId: id, ...diffMembers(wanted, await client.roster(id)) };
}

async function apply(db: Db, client: MailmanClient, p: SyncPlan, now: Date): Promise<SyncOutcome> {
  const failures: string[] = [];
  let subscribed = 0;
  let unsubscribed = 0;
  // One failure (a refused address) must not stop the rest; a server that is down fails every call and is reported once.
  for (const s of p.subscribe) {
    try {
      await client.subscribe(p.mailmanListId, s.email, s.name);
      subscribed++;
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  for (const u of p.unsubscribe) {
    try {
      await client.unsubscribe(u.memberId, u.email);
      unsubscribed++;
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  const summary = `${subscribed} subscribed, ${unsubscribed} unsubscribed, ${p.unchanged} unchanged${failures.length ? `, ${failures.length} failed: ${failures[0]}` : ""}`;
  await db.update(mailingLists).set({ lastSyncAt: now, lastSyncResult: summary }).where(eq(mailingLists.id, p.listId));
  return { plan: p, subscribed, unsubscribed, failures };
}

/** An admin's dry run or sync of one list (members.write). A dry run reads Mailman and changes nothing. */
export async function syncMailingList(
  db: Db,
  actorId: number,
  client: MailmanClient | null,
  listId: number,
  options: { dryRun: boolean; now?: Date },
): Promise<Result<{ plan: SyncPlan; outcome?: SyncOutcome }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  if (!client) return fail("not_configured", "No Mailman server is configured (MAILMAN_REST_URL).");
  const [list] = await db.select().from(mailingLists).where(eq(mailingLists.id, listId));
  if (!list) return fail("not_found", "No such list.");
  try {
    const p = await plan(db, client, list);
    if (options.dryRun) return { ok: true, plan: p };
    const outcome = await apply(db, client, p, options.now ?? new Date());
    await recordAudit(db, {
      actorId,
      changeType: "mailing_list.sync",
      entity: "mailing_list",
      entityId: listId,
      after: { subscribed: outcome.subscribed, unsubscribed: outcome.unsubscribed, failed: outcome.failures.length },
    });
    return { ok: true, plan: p, outcome };
  } catch (error) {
    if (error instanceof MailmanError) return fail("mailman", error.message);
    throw error;
  }
}

/** The scheduled job: every list marked for Mailman. Throws when any list failed, so the run is retried at the next check. */
export async function syncAllMailingLists(db: Db, client: MailmanClient, now = new Date()): Promise<string> {
  const lists = await db.select().from(mailingLists).where(eq(mailingLists.mailmanSync, true));
  const lines: string[] = [];
  let failed = 0;
  for (const list of lists) {
    try {
      const outcome = await apply(db, client, await plan(db, client, list), now);
      if (outcome.failures.length) failed++;
      lines.push(
        `${list.name}: ${outcome.subscribed} subscribed, ${outcome.unsubscribed} unsubscribed${outcome.failures.length ? `, ${outcome.failures.length} failed` : ""}`,
      );
    } catch (error) {
      if (!(error instanceof MailmanError)) throw error;
      failed++;
      lines.push(`${list.name}: ${error.message}`);
      await db.update(mailingLists).set({ lastSyncAt: now, lastSyncResult: error.message }).where(eq(mailingLists.id, list.id));
    }
  }
  const summary = lines.length ? lines.join("; ") : "no list is synced with Mailman";
  if (failed) throw new Error(summary);
  return summary;
}
