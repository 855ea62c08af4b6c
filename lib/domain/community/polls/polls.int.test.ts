import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { auditLog, membershipStatuses, people, pollBallotChoices, pollBallots, pollParticipations, pollVotes } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { createPoll } from "./create-poll";
import { exportPollResults, getPollView } from "./poll-queries";
import type { PollInput } from "./poll-input";
import { castVote } from "./vote";

let t: DemoDatabase;
let ids: Record<string, number>;
const hour = 3_600_000;

function pollInput(over: Partial<PollInput> = {}): PollInput {
  return {
    question: "Buy a laser cutter?",
    options: ["Yes", "No", "Later"],
    choice: "single",
    opensAt: new Date(Date.now() - hour),
    closesAt: new Date(Date.now() + hour),
    anonymous: false,
    resultsVisible: "after_vote",
    ...over,
  };
}

async function newPoll(over: Partial<PollInput> = {}) {
  const r = await createPoll(t.db, ids.admin!, pollInput(over));
  if (!r.ok) throw new Error(r.message);
  const view = await getPollView(t.db, ids.admin!, r.id, undefined);
  return { id: r.id, options: view!.options.map((o) => o.id) };
}

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
});
afterAll(async () => {
  await t?.close();
});

describe("creating polls", () => {
  it("needs polls.create and refuses bad input with a clear message", async () => {
    expect(await createPoll(t.db, ids.member!, pollInput())).toMatchObject({ ok: false, code: "forbidden" });
    const bad = await createPoll(t.db, ids.admin!, pollInput({ options: ["Yes"], closesAt: new Date(Date.now() - 2 * hour) }));
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok) expect(bad.message).toMatch(/options: at least two options.*closesAt: must be after/);
    const single = await createPoll(t.db, ids.admin!, pollInput({ maxChoices: 2 }));
    expect(single).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("voting", () => {
  it("lets an eligible member vote, change the vote while open, and see results after voting", async () => {
    const p = await newPoll();
    const before = await getPollView(t.db, ids.member!, p.id, undefined);
    expect(before!.results).toBeNull();
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[0]!] })).toMatchObject({ ok: true, changed: false });
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[1]!] })).toMatchObject({ ok: true, changed: true });
    const view = await getPollView(t.db, ids.member!, p.id, undefined);
    expect(view!.myChoices).toEqual([p.options[1]]);
    expect(view!.results!.options.map((o) => o.votes)).toEqual([0, 1, 0]);
    expect(view!.results!.options[1]!.voters).toEqual(["Mario Rossi"]);
    const csv = await exportPollResults(t.db, translator("en"), ids.member!, p.id);
    expect(csv.ok && csv.csv).toContain("No,1,Mario Rossi");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.changeType, "poll.vote_change"));
    expect(audit).toHaveLength(1);
  });

  it("refuses applicants (not in good standing), closed polls, foreign options and too many choices", async () => {
    const p = await newPoll();
    expect(await castVote(t.db, ids.applicant!, { pollId: p.id, optionIds: [p.options[0]!] })).toMatchObject({ ok: false, code: "not_eligible" });
    const other = await newPoll();
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [other.options[0]!] })).toMatchObject({ ok: false, code: "invalid" });
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: p.options.slice(0, 2) })).toMatchObject({ ok: false, code: "too_many_choices" });
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[0]!] }, new Date(Date.now() + 2 * hour))).toMatchObject({
      ok: false,
      code: "not_open",
    });
    // A poll for applicants only: the rule is the poll's status list, not may_vote.
    const applicants = await newPoll({ eligibleStatusKeys: ["applicant"] });
    expect(await castVote(t.db, ids.applicant!, { pollId: applicants.id, optionIds: [applicants.options[0]!] })).toMatchObject({ ok: true });
    expect(await castVote(t.db, ids.member!, { pollId: applicants.id, optionIds: [applicants.options[0]!] })).toMatchObject({
      ok: false,
      code: "not_eligible",
    });
  });

  it("hides results of an after_close poll until it closes", async () => {
    const p = await newPoll({ resultsVisible: "after_close" });
    await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[0]!] });
    expect((await getPollView(t.db, ids.member!, p.id, undefined))!.results).toBeNull();
    expect(await exportPollResults(t.db, translator("en"), ids.member!, p.id)).toMatchObject({ ok: false, code: "forbidden" });
    const later = await getPollView(t.db, ids.member!, p.id, undefined, new Date(Date.now() + 2 * hour));
    expect(later!.results!.participants).toBe(1);
  });

  it("never stores two votes when one person votes many times at once (named and anonymous)", async () => {
    for (const anonymous of [false, true]) {
      const p = await newPoll({ anonymous, choice: "multiple", maxChoices: 2 });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => castVote(t.db, ids.maria!, { pollId: p.id, optionIds: [p.options[i % 3]!, p.options[(i + 1) % 3]!] })),
      );
      expect(results.filter((r) => r.ok && !r.changed)).toHaveLength(1);
      const participations = await t.db.select().from(pollParticipations).where(eq(pollParticipations.pollId, p.id));
      expect(participations).toHaveLength(1);
      if (anonymous) {
        expect(await t.db.select().from(pollBallots).where(eq(pollBallots.pollId, p.id))).toHaveLength(1);
        expect(await t.db.select().from(pollBallotChoices).where(eq(pollBallotChoices.pollId, p.id))).toHaveLength(2);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "already_voted")).toBe(true);
      } else {
        expect(await t.db.select().from(pollVotes).where(eq(pollVotes.pollId, p.id))).toHaveLength(2);
      }
    }
  });

  it("the database itself refuses a second participation row", async () => {
    const p = await newPoll();
    await t.db.insert(pollParticipations).values({ pollId: p.id, personId: ids.trainer! });
    await expect(t.db.insert(pollParticipations).values({ pollId: p.id, personId: ids.trainer! })).rejects.toThrow();
  });
});

describe("anonymous polls", () => {
  it("store no link from a ballot to a person; the receipt alone changes the ballot", async () => {
    const p = await newPoll({ anonymous: true });
    const first = await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[0]!] });
    expect(first.ok && first.receipt).toBeTruthy();
    const receipt = first.ok ? first.receipt! : "";
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[1]!] })).toMatchObject({ ok: false, code: "already_voted" });
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[1]!], receipt: "forged" })).toMatchObject({
      ok: false,
      code: "already_voted",
    });
    expect(await castVote(t.db, ids.member!, { pollId: p.id, optionIds: [p.options[1]!], receipt })).toMatchObject({ ok: true, changed: true });
    const view = await getPollView(t.db, ids.member!, p.id, receipt);
    expect(view!.myChoices).toEqual([p.options[1]]);
    expect(view!.results!.options.map((o) => o.votes)).toEqual([0, 1, 0]);
    expect(view!.results!.options[1]!.voters).toBeUndefined();

    // No column of the ballot tables references people, and nothing else references the ballots.
    const fks = await t.db.execute<{ table_name: string; foreign_table: string }>(sql`
      select tc.table_name, ccu.table_name as foreign_table
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.constraint_type = 'FOREIGN KEY' and (tc.table_name in ('poll_ballots', 'poll_ballot_choices') or ccu.table_name in ('poll_ballots', 'poll_ballot_choices'))`);
    const rows = [...fks];
    expect(rows.every((r) => r.foreign_table !== "people")).toBe(true);
    expect(rows.every((r) => ["poll_ballots", "poll_ballot_choices"].includes(r.table_name))).toBe(true);
    const columns = await t.db.execute<{ column_name: string }>(sql`
      select column_name from information_schema.columns where table_name in ('poll_ballots', 'poll_ballot_choices', 'poll_participations')`);
    const names = [...columns].map((c) => c.column_name).sort();
    expect(names).toEqual(["ballot_id", "id", "option_id", "person_id", "poll_id", "poll_id", "poll_id", "receipt_hash"]);
    // The participation row shares only the poll with a ballot: joining them yields every ballot of the poll.
    const joined = await t.db
      .select({ option: pollBallotChoices.optionId })
      .from(pollParticipations)
      .innerJoin(pollBallotChoices, eq(pollBallotChoices.pollId, pollParticipations.pollId))
      .where(eq(pollParticipations.pollId, p.id));
    expect(joined.length).toBe(1);
    // The audit log says THAT Mario voted, never what.
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(p.id)));
    expect(JSON.stringify(audit.filter((a) => a.changeType.startsWith("poll.participate")))).not.toMatch(/option|ballot/i);
  });

  it("checks eligibility at voting time (a member who left cannot vote)", async () => {
    const p = await newPoll({ anonymous: true });
    const [former] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "former"));
    const [trainer] = await t.db.select().from(people).where(eq(people.id, ids.trainer!));
    await t.db.update(people).set({ statusId: former!.id }).where(eq(people.id, ids.trainer!));
    expect(await castVote(t.db, ids.trainer!, { pollId: p.id, optionIds: [p.options[0]!] })).toMatchObject({ ok: false, code: "not_eligible" });
    await t.db.update(people).set({ statusId: trainer!.statusId }).where(eq(people.id, ids.trainer!));
  });
});
