import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db/client";
import {
  accounts,
  cards,
  equipmentAuthorizations,
  equipmentTypes,
  memberships,
  membershipStatuses,
  membershipTypes,
  newsPosts,
  people,
  pollOptions,
  pollParticipations,
  polls,
  pollVotes,
  profiles,
} from "@/lib/db/schema";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { fieldLabel } from "../audit/readable";
import { addressesOf } from "./address-service";
import { forbidden, notFound, type Result } from "./result";
import { actorMay } from "../shared/actor-may";
import { outOfViewRefusal } from "../access/view-rights";
import { committeesOf } from "./person-record";
import { recordActivity } from "./record-activity";
import { studiesOf } from "./study-fields";

export interface PersonExport {
  exportedAt: string;
  person: Record<string, unknown>;
  profile: Record<string, unknown> | null;
  studies: Record<string, unknown>[];
  addresses: Record<string, unknown>[];
  memberships: Record<string, unknown>[];
  cards: Record<string, unknown>[];
  equipment: Record<string, unknown>[];
  committees: Record<string, unknown>[];
  account: Record<string, unknown> | null;
  /** Who changed what and when; `by` is the actor as the reader may see them ("self", "system", a name, "#number", "staff"). */
  history: Record<string, unknown>[];
  usage: Record<string, unknown>[];
  loans: Record<string, unknown>[];
  registrations: Record<string, unknown>[];
  trainings: Record<string, unknown>[];
  roles: Record<string, unknown>[];
  /** Polls the person took part in; for named polls with their choices. */
  polls: Record<string, unknown>[];
  pollsNote: string;
  /** News posts they wrote. */
  news: Record<string, unknown>[];
}

/** Why an anonymous vote's content is missing: by design there is nothing in the database that links it to anyone. */
export const ANONYMOUS_VOTES_NOTE =
  "Votes in anonymous polls are stored without any link to the voter: the database records only that you took part, not what you chose, so they cannot be included.";

async function pollsOf(db: Db, personId: number): Promise<Record<string, unknown>[]> {
  const taken = await db
    .select({ id: polls.id, question: polls.question, anonymous: polls.anonymous, opensAt: polls.opensAt, closesAt: polls.closesAt })
    .from(pollParticipations)
    .innerJoin(polls, eq(polls.id, pollParticipations.pollId))
    .where(eq(pollParticipations.personId, personId))
    .orderBy(asc(polls.opensAt));
  const chosen = await db
    .select({ pollId: pollVotes.pollId, label: pollOptions.label })
    .from(pollVotes)
    .innerJoin(pollOptions, eq(pollOptions.id, pollVotes.optionId))
    .where(eq(pollVotes.personId, personId))
    .orderBy(asc(pollOptions.position));
  return taken.map((p) => ({
    poll: p.question,
    anonymous: p.anonymous,
    opensAt: p.opensAt,
    closesAt: p.closesAt,
    choices: p.anonymous ? null : chosen.filter((c) => c.pollId === p.id).map((c) => c.label),
  }));
}

/** Right of access: everything stored about one person. The person themselves or the board may ask. */
export async function exportPersonData(db: Db, actorId: number, personId: number, now = new Date()): Promise<Result<{ data: PersonExport }>> {
  if (actorId !== personId && !(await actorMay(db, actorId, "members.read"))) return forbidden();
  const outside = await outOfViewRefusal(db, actorId, personId);
  if (outside) return outside;
  const [row] = await db
    .select({ p: people, status: membershipStatuses.key })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(people.id, personId));
  if (!row) return notFound();
  const [profile] = await db.select().from(profiles).where(eq(profiles.personId, personId));
  const activity = await recordActivity(db, actorId, personId);
  const [account] = await db
    .select({ email: accounts.email, createdAt: accounts.createdAt, lastLoginAt: accounts.lastLoginAt, disabled: accounts.disabled })
    .from(accounts)
    .where(eq(accounts.personId, personId));
  const data: PersonExport = {
    exportedAt: now.toISOString(),
    person: {
      id: row.p.id,
      memberNumber: row.p.memberNumber,
      status: row.status,
      joinedOn: row.p.joinedOn,
      leftOn: row.p.leftOn,
      erasedAt: row.p.erasedAt,
      createdAt: row.p.createdAt,
    },
    // searchText is derived from name and email for the people search, not information of its own.
    profile: profile ? (({ searchText: _derived, ...stored }) => stored)(profile) : null,
    studies: (await studiesOf(db, [personId])).map(({ field, startYear, endYear }) => ({ field, startYear, endYear })),
    addresses: (await addressesOf(db, personId)).map(({ typeName, isMain, street, extra, postalCode, city, country }) => ({
      type: typeName,
      isMain,
      street,
      extra,
      postalCode,
      city,
      country,
    })),
    memberships: await db
      .select({ type: membershipTypes.name, validFrom: memberships.validFrom, validUntil: memberships.validUntil, endsAtYearEnd: memberships.endsAtYearEnd })
      .from(memberships)
      .innerJoin(membershipTypes, eq(membershipTypes.id, memberships.typeId))
      .where(eq(memberships.personId, personId))
      .orderBy(asc(memberships.validFrom)),
    cards: await db
      .select({ uid: cards.uid, state: cards.state, issuedAt: cards.issuedAt, endedAt: cards.endedAt })
      .from(cards)
      .where(eq(cards.personId, personId)),
    equipment: await db
      .select({
        equipmentType: equipmentTypes.name,
        level: equipmentAuthorizations.level,
        source: equipmentAuthorizations.source,
        grantedAt: equipmentAuthorizations.grantedAt,
        expiresAt: equipmentAuthorizations.expiresAt,
        revokedAt: equipmentAuthorizations.revokedAt,
      })
      .from(equipmentAuthorizations)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipmentAuthorizations.equipmentTypeId))
      .where(eq(equipmentAuthorizations.personId, personId)),
    committees: (await committeesOf(db, personId)).map(({ committee, fn, since, until }) => ({ committee, function: fn, since, until })),
    account: account ? { ...account } : null,
    ...activity,
    polls: await pollsOf(db, personId),
    pollsNote: ANONYMOUS_VOTES_NOTE,
    news: await db
      .select({ id: newsPosts.id, title: newsPosts.title, body: newsPosts.body, publishedAt: newsPosts.publishedAt, updatedAt: newsPosts.updatedAt })
      .from(newsPosts)
      .where(eq(newsPosts.authorId, personId))
      .orderBy(asc(newsPosts.publishedAt)),
  };
  return { ok: true, data };
}

function cell(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * One worksheet per section; nested values (history diffs) as JSON text. Sheet names and headers in the reader's
 * language (`t`): the fields' labels of the history (fieldLabel), the data as stored.
 */
export async function personExportToXlsx(data: PersonExport, t: Translate): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheetName = (name: string) => t(`export.sheet.${name}` as MessageKey);
  const single = (name: string, obj: Record<string, unknown> | null) => {
    const sheet = book.addWorksheet(sheetName(name));
    sheet.addRow([t("col.field"), t("col.value")]);
    for (const [k, v] of Object.entries(obj ?? {})) sheet.addRow([fieldLabel(t, k), cell(v)]);
  };
  const table = (name: string, rows: Record<string, unknown>[]) => {
    const sheet = book.addWorksheet(sheetName(name));
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    sheet.addRow(columns.map((c) => fieldLabel(t, c)));
    for (const r of rows) sheet.addRow(columns.map((c) => cell(r[c])));
  };
  single("Person", data.person);
  single("Profile", data.profile);
  single("Account", data.account);
  table("Studies", data.studies);
  table("Addresses", data.addresses);
  table("Memberships", data.memberships);
  table("Cards", data.cards);
  table("Equipment", data.equipment);
  table("Committees", data.committees);
  table("Roles", data.roles);
  table("Trainings", data.trainings);
  table("MachineUse", data.usage);
  table("Loans", data.loans);
  table("Registrations", data.registrations);
  table("Changes", data.history);
  table("Polls", data.polls);
  book.getWorksheet(sheetName("Polls"))!.addRow([]);
  book.getWorksheet(sheetName("Polls"))!.addRow([data.pollsNote]);
  table("News", data.news);
  return Buffer.from(await book.xlsx.writeBuffer());
}
