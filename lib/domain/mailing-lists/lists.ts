import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { mailingListRules, mailingLists, type MailingList } from "@/lib/db/schema";
import { recordAudit } from "../audit/record-audit";
import { fail, forbidden, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { foreignKeyViolation, uniqueViolation } from "../shared/db-errors";

export interface ListRules {
  statusIds: number[];
  committeeIds: number[];
  roleIds: number[];
}

export type ListWithRules = MailingList & ListRules;

const ids = z.array(z.number().int().positive()).max(200).default([]);
export const listInput = z.object({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().toLowerCase().email().max(254),
  description: z.string().trim().max(2000).default(""),
  optIn: z.boolean().default(false),
  mailmanSync: z.boolean().default(false),
  statusIds: ids,
  committeeIds: ids,
  roleIds: ids,
});
export type ListInput = z.input<typeof listInput>;

async function rulesOf(db: Db, listId: number): Promise<ListRules> {
  const rows = await db.select().from(mailingListRules).where(eq(mailingListRules.listId, listId));
  const pick = (k: "statusId" | "committeeId" | "roleId") => rows.map((r) => r[k]).filter((v): v is number => v !== null);
  return { statusIds: pick("statusId"), committeeIds: pick("committeeId"), roleIds: pick("roleId") };
}

export async function listMailingLists(db: Db): Promise<ListWithRules[]> {
  const lists = await db.select().from(mailingLists).orderBy(asc(mailingLists.name));
  return Promise.all(lists.map(async (l) => ({ ...l, ...(await rulesOf(db, l.id)) })));
}

export async function getMailingList(db: Db, id: number): Promise<ListWithRules | null> {
  const [list] = await db.select().from(mailingLists).where(eq(mailingLists.id, id));
  return list ? { ...list, ...(await rulesOf(db, id)) } : null;
}

async function writeRules(db: Db, listId: number, input: ListRules): Promise<void> {
  await db.delete(mailingListRules).where(eq(mailingListRules.listId, listId));
  const rows = [
    ...[...new Set(input.statusIds)].map((statusId) => ({ listId, statusId })),
    ...[...new Set(input.committeeIds)].map((committeeId) => ({ listId, committeeId })),
    ...[...new Set(input.roleIds)].map((roleId) => ({ listId, roleId })),
  ];
  if (rows.length) await db.insert(mailingListRules).values(rows);
}

function invalid(error: z.ZodError) {
  const issue = error.issues[0]!;
  return fail("invalid", `${issue.path.join(".")}: ${issue.message}`, { field: String(issue.path[0] ?? "") });
}

const duplicate = () => fail("duplicate", "A list with this name or address exists already.", { field: "address" });

type Parsed = z.output<typeof listInput>;

/** The shared frame of create and update: permission, validation, and the database's refusals as values. */
async function write<T extends object>(db: Db, actorId: number, raw: ListInput, body: (tx: Db, data: Parsed) => Promise<Result<T>>): Promise<Result<T>> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  const parsed = listInput.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return await db.transaction((tx) => body(tx, parsed.data));
  } catch (error) {
    if (uniqueViolation(error) !== null) return duplicate();
    if (foreignKeyViolation(error) !== null) return fail("invalid", "A status, committee or role of the rules does not exist.", { field: "rules" });
    throw error;
  }
}

const rulesOfInput = ({ statusIds, committeeIds, roleIds }: ListRules): ListRules => ({ statusIds, committeeIds, roleIds });
const fieldsOfInput = ({ name, address, description, optIn, mailmanSync }: Pick<Parsed, "name" | "address" | "description" | "optIn" | "mailmanSync">) => ({
  name,
  address,
  description,
  optIn,
  mailmanSync,
});

/** Creates a list (members.write). Rules naming a status, committee or role that is gone are refused by the database. */
export function createMailingList(db: Db, actorId: number, raw: ListInput): Promise<Result<{ id: number }>> {
  return write(db, actorId, raw, async (tx, data) => {
    const [row] = await tx.insert(mailingLists).values(fieldsOfInput(data)).returning();
    await writeRules(tx, row!.id, rulesOfInput(data));
    await recordAudit(tx, { actorId, changeType: "mailing_list.create", entity: "mailing_list", entityId: row!.id, after: data });
    return { ok: true as const, id: row!.id };
  });
}

export function updateMailingList(db: Db, actorId: number, id: number, raw: ListInput): Promise<Result> {
  return write(db, actorId, raw, async (tx, data) => {
    const before = await getMailingList(tx, id);
    if (!before) return fail("not_found", "No such list.");
    await tx
      .update(mailingLists)
      .set({ ...fieldsOfInput(data), updatedAt: sql`now()` })
      .where(eq(mailingLists.id, id));
    await writeRules(tx, id, rulesOfInput(data));
    await recordAudit(tx, {
      actorId,
      changeType: "mailing_list.update",
      entity: "mailing_list",
      entityId: id,
      before: { ...fieldsOfInput(before), ...rulesOfInput(before) },
      after: data,
    });
    return { ok: true as const };
  });
}

/** Removes the record only: the list on the list server stays as it is. */
export async function deleteMailingList(db: Db, actorId: number, id: number): Promise<Result> {
  if (!(await actorMay(db, actorId, "members.write"))) return forbidden();
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(mailingLists).where(eq(mailingLists.id, id)).returning();
    if (!row) return fail("not_found", "No such list.");
    await recordAudit(tx, {
      actorId,
      changeType: "mailing_list.delete",
      entity: "mailing_list",
      entityId: id,
      before: { name: row.name, address: row.address },
    });
    return { ok: true as const };
  });
}
