import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipStatuses, people, pollParticipations, profiles } from "@/lib/db/schema";
import { createBackup } from "@/lib/ops/backup/create-backup";
import { readBackup } from "@/lib/ops/backup/read-backup";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createPoll } from "./create-poll";
import { getPollView } from "./poll-queries";
import { castVote } from "./vote";

// An attacker with the database or a backup knows who voted and in which order (participations, audit log).
// These tests try every order the database keeps to pair the k-th voter with the k-th ballot.
let t: DemoDatabase;
let ids: Record<string, number>;
const voters: number[] = [];
const VOTERS = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ms-ballots-"));

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
  const [member] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
  for (let i = 0; i < VOTERS; i++) {
    const [p] = await t.db.insert(people).values({ statusId: member!.id }).returning();
    await t.db.insert(profiles).values({ personId: p!.id, firstName: `Voter${i}`, lastName: "Test" });
    voters.push(p!.id);
  }
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Voter i chooses option i, one after the other: any order kept by the database would spell 0, 1, 2, … */
async function pollVotedInOrder(): Promise<{ pollId: number; options: number[]; receipts: string[] }> {
  const created = await createPoll(t.db, ids.admin!, {
    question: "Which day?",
    options: Array.from({ length: VOTERS }, (_, i) => `Option ${i}`),
    choice: "single",
    opensAt: new Date(Date.now() - 3_600_000),
    closesAt: new Date(Date.now() + 3_600_000),
    anonymous: true,
    resultsVisible: "after_vote",
  });
  if (!created.ok) throw new Error(created.message);
  const options = (await getPollView(t.db, ids.admin!, created.id, undefined))!.options.map((o) => o.id);
  const receipts: string[] = [];
  for (let i = 0; i < VOTERS; i++) {
    const r = await castVote(t.db, voters[i]!, { pollId: created.id, optionIds: [options[i]!] });
    if (!r.ok) throw new Error(r.message);
    receipts.push(r.receipt!);
  }
  return { pollId: created.id, options, receipts };
}

const positionsOf = (chosen: number[], options: number[]) => chosen.map((o) => options.indexOf(o));
const inVotingOrder = Array.from({ length: VOTERS }, (_, i) => i);

describe("anonymous ballots cannot be linked to voters", () => {
  it("physical row order (ctid, what select * and dumps read) does not follow the voting order", async () => {
    const { pollId, options } = await pollVotedInOrder();
    const ballots = await t.db.execute<{ option_id: number }>(sql`
      select c.option_id from poll_ballots b join poll_ballot_choices c on c.ballot_id = b.id where b.poll_id = ${pollId} order by b.ctid`);
    const choices = await t.db.execute<{ option_id: number }>(sql`select option_id from poll_ballot_choices where poll_id = ${pollId} order by ctid`);
    // A shuffle of 10 that happens to be the identity: 1 in 3.6 million.
    expect(
      positionsOf(
        [...ballots].map((r) => r.option_id),
        options,
      ),
    ).not.toEqual(inVotingOrder);
    expect(
      positionsOf(
        [...choices].map((r) => r.option_id),
        options,
      ),
    ).not.toEqual(inVotingOrder);
    expect(new Set([...choices].map((r) => r.option_id)).size).toBe(VOTERS);
  });

  it("no ballot shares its transaction (xmin) with a voter's participation, except that the latest voter rewrote them all", async () => {
    const { pollId } = await pollVotedInOrder();
    const parts = await t.db.execute<{ person_id: number; x: string }>(
      sql`select person_id, xmin::text as x from poll_participations where poll_id = ${pollId}`,
    );
    const ballots = await t.db.execute<{ x: string }>(sql`select xmin::text as x from poll_ballots where poll_id = ${pollId}`);
    const choices = await t.db.execute<{ x: string }>(sql`select xmin::text as x from poll_ballot_choices where poll_id = ${pollId}`);
    const ballotTx = new Set([...ballots, ...choices].map((r) => r.x));
    expect(ballotTx.size).toBe(1);
    const last = [...parts].find((p) => p.person_id === voters.at(-1));
    expect([...ballotTx]).toEqual([last!.x]);
    expect([...parts].filter((p) => ballotTx.has(p.x))).toHaveLength(1);
  });

  it("ballots have random ids and no time or sequence; a changed vote moves nothing that points at its voter", async () => {
    const { pollId, options, receipts } = await pollVotedInOrder();
    const cols = await t.db.execute<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>(sql`
      select table_name, column_name, data_type, column_default from information_schema.columns where table_name in ('poll_ballots', 'poll_ballot_choices')`);
    expect([...cols].filter((c) => /time|date|serial|identity/.test(c.data_type) || /nextval/.test(c.column_default ?? ""))).toEqual([]);
    const sortedIds = [...(await t.db.execute<{ id: string }>(sql`select id::text from poll_ballots where poll_id = ${pollId} order by id`))].map((r) => r.id);
    expect(sortedIds.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);

    // Voter 3 changes their vote with the receipt: afterwards every ballot was rewritten again, in a new order.
    const before = await t.db.execute<{ x: string }>(sql`select distinct xmin::text as x from poll_ballots where poll_id = ${pollId}`);
    expect(await castVote(t.db, voters[3]!, { pollId, optionIds: [options[0]!], receipt: receipts[3]! })).toMatchObject({ ok: true, changed: true });
    const after = await t.db.execute<{ x: string }>(sql`select distinct xmin::text as x from poll_ballots where poll_id = ${pollId}`);
    expect([...after]).toHaveLength(1);
    expect(after[0]!.x).not.toBe(before[0]!.x);
    const view = await getPollView(t.db, voters[3]!, pollId, receipts[3]!);
    expect(view!.myChoices).toEqual([options[0]]);
    expect(view!.results!.options[0]!.votes).toBe(2);
    expect(view!.results!.participants).toBe(VOTERS);
  });

  it("a backup holds no order, id or time that pairs ballots with participations", async () => {
    const { pollId, options } = await pollVotedInOrder();
    const backup = await readBackup((await createBackup(t.db, { dir, appVersion: "test" })).file);
    const rows = (name: string) => backup.tables.find((x) => x.name === name)!.rows.map((r) => JSON.parse(r) as Record<string, unknown>);
    const ballotIds = rows("poll_ballots")
      .filter((b) => b.poll_id === pollId)
      .map((b) => b.id);
    const choices = rows("poll_ballot_choices").filter((c) => c.poll_id === pollId);
    expect(
      positionsOf(
        choices.map((c) => Number(c.option_id)),
        options,
      ),
    ).not.toEqual(inVotingOrder);
    const byBallot = new Map(choices.map((c) => [c.ballot_id, Number(c.option_id)]));
    expect(
      positionsOf(
        ballotIds.map((id) => byBallot.get(id)!),
        options,
      ),
    ).not.toEqual(inVotingOrder);
    // Participations are stored in voting order (that part is public); the ballots' keys are random UUIDs only.
    expect(Object.keys(rows("poll_ballots")[0]!).sort()).toEqual(["id", "poll_id", "receipt_hash"]);
    expect(Object.keys(choices[0]!).sort()).toEqual(["ballot_id", "option_id", "poll_id"]);
    const participants = await t.db.select().from(pollParticipations).where(eq(pollParticipations.pollId, pollId));
    expect(participants).toHaveLength(VOTERS);
  });
});
