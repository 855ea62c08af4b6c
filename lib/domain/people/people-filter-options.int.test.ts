import { FULL_SCOPE } from "../access/view-rights";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSessionHoldsDatabase, type SessionHoldsDatabase } from "@/lib/db/testing/session-holds";
import { peopleFilterOptions } from "./people-filter-options";

// The people list (/admin/people, issue 20) reads its filter's short lists and the waiting applications on every
// request. Prepared, each holds the embedded database's one session for one round trip; unnamed, postgres.js
// describes it first and the session waits on the busy web process in between. Counted in the wire server's hold
// report, never timed. Embedded only.
let web: SessionHoldsDatabase;

beforeAll(async () => {
  web = await startSessionHoldsDatabase();
}, 120_000);
afterAll(async () => {
  await web?.close();
});

describe.skipIf(process.env.TEST_PG_TEMPLATE_URL)("the people list's filter lists on the embedded database", () => {
  it("six statements, one round trip each", async () => {
    const first = await peopleFilterOptions(web.db, FULL_SCOPE); // the connection opened, its types fetched, the statements prepared
    const from = web.holds.length;
    const again = await peopleFilterOptions(web.db, FULL_SCOPE);
    const mine = web.holds.slice(from);
    expect(again).toEqual(first);
    expect(again.statuses.length).toBeGreaterThan(0);
    expect(mine.map((h) => h.roundTrips)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
