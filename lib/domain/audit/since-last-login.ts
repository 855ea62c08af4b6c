import { and, desc, eq, gt, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, auditLog } from "@/lib/db/schema";
import { viewScopeOf, visibleInScope } from "../access/view-rights";
import { visibleNames, type ShownPerson } from "../people/visible-names";
import type { Viewer } from "../people/visibility";

export interface OwnChange {
  at: Date;
  changeType: string;
  /** Who made it as the viewer may see them; "self" and "system" spelled out. */
  by: ShownPerson | "self" | "system";
}

export interface BoardChangeGroup {
  changeType: string;
  count: number;
  /** Up to five of the people touched, named as the viewer may see them. */
  people: ShownPerson[];
}

export interface ChangesSinceLastLogin {
  /** The login before this one; null on a first login (nothing to compare with). */
  since: Date | null;
  own: OwnChange[];
  /** For viewers with members.read: changes to the people they may see, grouped by change type. */
  board: BoardChangeGroup[] | null;
}

const OWN_LIMIT = 50;
const BOARD_SCAN = 5000;

/**
 * "What changed since my last login": for everyone the changes to their own record; for the board a digest of
 * changes to the people they may see (view rights), by change type. Read from the audit log, which holds it all.
 */
export async function changesSinceLastLogin(db: Db, viewer: Viewer & { personId: number }): Promise<ChangesSinceLastLogin> {
  const [account] = await db.select({ since: accounts.previousLoginAt }).from(accounts).where(eq(accounts.personId, viewer.personId));
  const since = account?.since ?? null;
  if (!since) return { since: null, own: [], board: viewer.permissions.has("members.read") ? [] : null };
  const ownRows = await db
    .select({ at: auditLog.at, changeType: auditLog.changeType, actorId: auditLog.actorId })
    .from(auditLog)
    .where(and(eq(auditLog.subjectPersonId, viewer.personId), gt(auditLog.at, since)))
    .orderBy(desc(auditLog.at))
    .limit(OWN_LIMIT);
  let board: BoardChangeGroup[] | null = null;
  const touched: { changeType: string; subject: number }[] = [];
  if (viewer.permissions.has("members.read")) {
    const rows = await db
      .select({ changeType: auditLog.changeType, subject: auditLog.subjectPersonId })
      .from(auditLog)
      .where(and(gt(auditLog.at, since), isNotNull(auditLog.subjectPersonId), ne(auditLog.subjectPersonId, viewer.personId)))
      .orderBy(desc(auditLog.at))
      .limit(BOARD_SCAN);
    const visible = await visibleInScope(db, await viewScopeOf(db, viewer.personId), [...new Set(rows.map((r) => r.subject!))]);
    touched.push(...rows.filter((r) => visible.has(r.subject!)).map((r) => ({ changeType: r.changeType, subject: r.subject! })));
  }
  const names = await visibleNames(db, viewer, [...ownRows.map((r) => r.actorId).filter((id): id is number => id !== null), ...touched.map((r) => r.subject)]);
  const shown = (id: number): ShownPerson => names.get(id) ?? { personId: id, name: null, memberNumber: null };
  if (viewer.permissions.has("members.read")) {
    const groups = new Map<string, { count: number; people: number[] }>();
    for (const r of touched) {
      const g = groups.get(r.changeType) ?? { count: 0, people: [] };
      g.count++;
      if (!g.people.includes(r.subject) && g.people.length < 5) g.people.push(r.subject);
      groups.set(r.changeType, g);
    }
    board = [...groups.entries()]
      .map(([changeType, g]) => ({ changeType, count: g.count, people: g.people.map(shown) }))
      .sort((a, b) => b.count - a.count || a.changeType.localeCompare(b.changeType));
  }
  return {
    since,
    own: ownRows.map((r) => ({
      at: r.at,
      changeType: r.changeType,
      by: r.actorId === null ? "system" : r.actorId === viewer.personId ? "self" : shown(r.actorId),
    })),
    board,
  };
}
