import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  accounts,
  cards,
  equipmentTypes,
  importLinks,
  machines,
  membershipStatuses,
  people,
  profiles,
  roles,
  unknownCards,
  usageSessions,
} from "@/lib/db/schema";
import { statusGetsNumber } from "../../people/person-service";
import { normalizeEmail, normalizeUid } from "./mapping";
import type { FabSource } from "./source";

export const SOURCE = "fabomatic";
const LINK_PAGE = 20_000;

export interface Link {
  targetId: number | null;
  data: unknown;
}

/** What is already here that the import must respect: its own earlier links, and other records' emails, cards, board ids. */
export interface TargetState {
  links: Map<string, Map<string, Link>>;
  emailOwner: Map<string, number>;
  cardOwner: Map<string, number>;
  boardIdOwner: Map<number, number>;
  typeNames: Map<string, number>;
  statuses: Map<string, { id: number; numbered: boolean }>;
  roles: Map<string, number>;
  /** Linked targets that still exist (an admin may have deleted an imported record since). */
  alive: { people: Set<number>; machines: Set<number>; types: Set<number> };
  peopleWithLogin: Set<number>;
  /** machine id → its open usage session here. */
  openSessions: Map<number, number>;
  /** `${uid}|${machineId}|${ms}` of unknown-card swipes already recorded on linked machines. */
  unknownSwipes: Set<string>;
}

export function linkOf(state: TargetState, kind: string, sourceId: string | number): Link | undefined {
  return state.links.get(kind)?.get(String(sourceId));
}

export async function loadTargetState(db: Db, source: FabSource): Promise<TargetState> {
  const links = new Map<string, Map<string, Link>>();
  // In pages: a large history has hundreds of thousands of links, and one result of them all costs memory twice.
  for (let after: { kind: string; sourceId: string } | null = { kind: "", sourceId: "" }; after;) {
    const page = await db
      .select({ kind: importLinks.kind, sourceId: importLinks.sourceId, targetId: importLinks.targetId, data: importLinks.data })
      .from(importLinks)
      .where(and(eq(importLinks.source, SOURCE), sql`(${importLinks.kind}, ${importLinks.sourceId}) > (${after.kind}, ${after.sourceId})`))
      .orderBy(importLinks.kind, importLinks.sourceId)
      .limit(LINK_PAGE);
    for (const row of page) {
      if (!links.has(row.kind)) links.set(row.kind, new Map());
      links.get(row.kind)!.set(row.sourceId, { targetId: row.targetId, data: row.data });
    }
    after = page.length === LINK_PAGE ? page[page.length - 1]! : null;
  }
  const targets = (kind: string) => [...(links.get(kind)?.values() ?? [])].flatMap((l) => (l.targetId === null ? [] : [l.targetId]));

  const emails = [...new Set(source.users.map((u) => normalizeEmail(u.email).email).filter((e): e is string => e !== null))];
  const emailOwner = new Map<string, number>();
  for (const chunk of chunks(emails)) {
    for (const r of await db
      .select({ email: sql<string>`lower(${profiles.email})`, personId: profiles.personId })
      .from(profiles)
      .where(inArray(sql`lower(${profiles.email})`, chunk)))
      emailOwner.set(r.email, r.personId);
    for (const r of await db
      .select({ email: sql<string>`lower(${accounts.email})`, personId: accounts.personId })
      .from(accounts)
      .where(inArray(sql`lower(${accounts.email})`, chunk)))
      emailOwner.set(r.email, r.personId);
  }
  const uids = [...new Set(source.users.map((u) => normalizeUid(u.cardUid).uid).filter((u): u is string => u !== null))];
  const cardOwner = new Map<string, number>();
  for (const chunk of chunks(uids)) {
    for (const r of await db
      .select({ uid: cards.uid, personId: cards.personId })
      .from(cards)
      .where(and(inArray(cards.uid, chunk), eq(cards.state, "active"))))
      cardOwner.set(r.uid, r.personId);
  }
  const boardIds = source.machines.map((m) => m.id).filter((id) => id >= 0 && id <= 999_999);
  const boardIdOwner = new Map<number, number>();
  for (const chunk of chunks(boardIds)) {
    for (const r of await db.select({ boardId: machines.boardId, id: machines.id }).from(machines).where(inArray(machines.boardId, chunk)))
      boardIdOwner.set(r.boardId!, r.id);
  }
  const typeNames = new Map(
    (await db.select({ id: equipmentTypes.id, name: equipmentTypes.name }).from(equipmentTypes)).map((t) => [t.name.toLowerCase(), t.id]),
  );
  const statuses = new Map((await db.select().from(membershipStatuses)).map((s) => [s.key, { id: s.id, numbered: statusGetsNumber(s) }]));
  const roleRows = new Map((await db.select({ id: roles.id, key: roles.key }).from(roles)).map((r) => [r.key, r.id]));

  const linkedPeople = targets("user");
  const linkedMachines = targets("machine");
  const alive = { people: new Set<number>(), machines: new Set<number>(), types: new Set<number>() };
  const peopleWithLogin = new Set<number>();
  const openSessions = new Map<number, number>();
  const unknownSwipes = new Set<string>();
  for (const chunk of chunks(linkedPeople)) {
    for (const r of await db
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, chunk), isNull(people.erasedAt))))
      alive.people.add(r.id);
    for (const r of await db.select({ id: accounts.personId }).from(accounts).where(inArray(accounts.personId, chunk))) peopleWithLogin.add(r.id);
  }
  for (const chunk of chunks(linkedMachines)) {
    for (const r of await db.select({ id: machines.id }).from(machines).where(inArray(machines.id, chunk))) alive.machines.add(r.id);
    for (const r of await db
      .select({ machineId: usageSessions.machineId, id: usageSessions.id })
      .from(usageSessions)
      .where(and(inArray(usageSessions.machineId, chunk), isNull(usageSessions.endedAt))))
      openSessions.set(r.machineId, r.id);
    for (const r of await db
      .select({ uid: unknownCards.uid, machineId: unknownCards.machineId, seenAt: unknownCards.seenAt })
      .from(unknownCards)
      .where(inArray(unknownCards.machineId, chunk)))
      unknownSwipes.add(`${r.uid}|${r.machineId}|${r.seenAt.getTime()}`);
  }
  for (const chunk of chunks(targets("type"))) {
    for (const r of await db.select({ id: equipmentTypes.id }).from(equipmentTypes).where(inArray(equipmentTypes.id, chunk))) alive.types.add(r.id);
  }
  return { links, emailOwner, cardOwner, boardIdOwner, typeNames, statuses, roles: roleRows, alive, peopleWithLogin, openSessions, unknownSwipes };
}

export function chunks<T>(items: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
