import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { pollOptions, pollParticipations, polls, type Poll, type PollOption } from "@/lib/db/schema";
import { permissionsOfPerson } from "../../access/person-permissions";
import type { Translate } from "@/lib/i18n/translate";
import { columnHeaders } from "../../shared/column-headers";
import { toCsv } from "../../shared/csv";
import { fail, type Result } from "../result";
import { actorMay } from "../../shared/actor-may";
import { tokenHash } from "../../shared/one-time-token";
import { isEligible, pollPhase, type PollPhase } from "./eligibility";
import { ballotChoices, hasVoted, mayViewResults, namedChoices, pollResults, type PollResults } from "./results";

const viewerOf = async (db: Db, personId: number) => ({ personId, permissions: await permissionsOfPerson(db, personId) });

export interface PollSummary {
  poll: Poll;
  phase: PollPhase;
  voted: boolean;
}

/** Open polls first (closing soonest), then upcoming, then closed (newest first). */
export async function listPolls(db: Db, viewerId: number, now = new Date()): Promise<PollSummary[]> {
  const rows = await db.select().from(polls).orderBy(desc(polls.closesAt)).limit(200);
  const mine = await db.select({ pollId: pollParticipations.pollId }).from(pollParticipations).where(eq(pollParticipations.personId, viewerId));
  const rank: Record<PollPhase, number> = { open: 0, upcoming: 1, closed: 2 };
  return rows
    .map((poll) => ({ poll, phase: pollPhase(poll, now), voted: mine.some((m) => m.pollId === poll.id) }))
    .sort((a, b) => rank[a.phase] - rank[b.phase] || (a.phase === "open" ? a.poll.closesAt.getTime() - b.poll.closesAt.getTime() : 0));
}

export interface PollView extends PollSummary {
  options: PollOption[];
  eligible: boolean;
  /** What the viewer chose: named polls always, anonymous ones only with the receipt. */
  myChoices: number[] | null;
  results: PollResults | null;
  canExport: boolean;
}

export async function getPollView(db: Db, viewerId: number, pollId: number, receipt: string | undefined, now = new Date()): Promise<PollView | null> {
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll) return null;
  const options = await db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId)).orderBy(asc(pollOptions.position));
  const voted = await hasVoted(db, pollId, viewerId);
  const myChoices = !voted
    ? null
    : poll.anonymous
      ? receipt
        ? await ballotChoices(db, pollId, tokenHash(receipt))
        : null
      : await namedChoices(db, pollId, viewerId);
  const visible = mayViewResults(poll, voted, now);
  return {
    poll,
    phase: pollPhase(poll, now),
    voted,
    options,
    eligible: await isEligible(db, poll, viewerId),
    myChoices,
    results: visible ? await pollResults(db, poll, await viewerOf(db, viewerId)) : null,
    canExport: visible,
  };
}

/** CSV of the results for whoever may see them: counts per option; named polls add the voters. */
export async function exportPollResults(
  db: Db,
  t: Translate,
  viewerId: number,
  pollId: number,
  now = new Date(),
): Promise<Result<{ csv: string; filename: string }>> {
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll) return fail("not_found", "This poll does not exist.");
  const voted = await hasVoted(db, pollId, viewerId);
  if (!mayViewResults(poll, voted, now) && !(pollPhase(poll, now) === "closed" && (await actorMay(db, viewerId, "polls.create")))) {
    return fail("forbidden", "The results of this poll are not visible yet.");
  }
  const results = await pollResults(db, poll, await viewerOf(db, viewerId));
  const header = columnHeaders(t, poll.anonymous ? ["option", "votes"] : ["option", "votes", "voters"]);
  const rows = results.options.map((o) => (poll.anonymous ? [o.label, o.votes] : [o.label, o.votes, (o.voters ?? []).join("; ")]));
  const csv = toCsv([[t("col.poll"), poll.question], [t("col.participants"), results.participants], [], header, ...rows]);
  return { ok: true, csv, filename: `poll-${poll.id}-results.csv` };
}
