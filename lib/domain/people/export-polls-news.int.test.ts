import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { createNews } from "../community/news";
import { createPoll } from "../community/polls/create-poll";
import { getPollView } from "../community/polls/poll-queries";
import type { PollInput } from "../community/polls/poll-input";
import { castVote } from "../community/polls/vote";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { ANONYMOUS_VOTES_NOTE, exportPersonData, personExportToXlsx } from "./export-person";

let t: DemoDatabase;
let ids: Record<string, number>;
const hour = 3_600_000;

beforeAll(async () => {
  t = await createDemoDatabase();
  ids = t.ids;
});
afterAll(async () => {
  await t?.close();
});

async function poll(question: string, anonymous: boolean) {
  const input: PollInput = {
    question,
    options: ["Yes", "No"],
    choice: "single",
    opensAt: new Date(Date.now() - hour),
    closesAt: new Date(Date.now() + hour),
    anonymous,
    resultsVisible: "after_vote",
  };
  const r = await createPoll(t.db, ids.admin!, input);
  if (!r.ok) throw new Error(r.message);
  const view = await getPollView(t.db, ids.admin!, r.id, undefined);
  return { id: r.id, options: view!.options.map((o) => o.id) };
}

describe("GDPR export: polls and news", () => {
  it("lists named votes with their choices, anonymous ones only as taken part (and says why), and the person's news posts", async () => {
    const named = await poll("Open on Sundays?", false);
    const secret = await poll("Elect Ada as chair?", true);
    expect(await castVote(t.db, ids.member!, { pollId: named.id, optionIds: [named.options[0]!] })).toMatchObject({ ok: true });
    expect(await castVote(t.db, ids.member!, { pollId: secret.id, optionIds: [secret.options[1]!] })).toMatchObject({ ok: true });
    expect(await createNews(t.db, ids.admin!, { title: "Laser back", body: "The laser cutter works again." })).toMatchObject({ ok: true });

    const mine = await exportPersonData(t.db, ids.member!, ids.member!);
    if (!mine.ok) throw new Error(mine.message);
    expect(mine.data.polls).toContainEqual(expect.objectContaining({ poll: "Open on Sundays?", anonymous: false, choices: ["Yes"] }));
    expect(mine.data.polls).toContainEqual(expect.objectContaining({ poll: "Elect Ada as chair?", anonymous: true, choices: null }));
    expect(mine.data.pollsNote).toBe(ANONYMOUS_VOTES_NOTE);
    expect(mine.data.news).toEqual([]);

    const board = await exportPersonData(t.db, ids.admin!, ids.admin!);
    if (!board.ok) throw new Error(board.message);
    expect(board.data.news).toContainEqual(expect.objectContaining({ title: "Laser back", body: "The laser cutter works again." }));
    expect(board.data.polls.some((p) => p.poll === "Open on Sundays?")).toBe(false);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await personExportToXlsx(mine.data, translator("en"))) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Polls")!;
    const cells = sheet.getSheetValues().flat();
    expect(cells).toContain("Open on Sundays?");
    expect(cells).toContain(ANONYMOUS_VOTES_NOTE);
    expect(book.getWorksheet("News")).toBeDefined();
  });
});
