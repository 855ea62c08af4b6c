import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "@/lib/db/schema";
import { startSessionHoldsDatabase, type SessionHoldsDatabase } from "@/lib/db/testing/session-holds";
import { permissionsOfPerson } from "../access/person-permissions";
import { viewScopeOf } from "../access/view-rights";
import { addAddress, shareAddress } from "./address-service";
import { setPartner } from "./profile-settings";
import { personPage } from "./person-page";
import { listAddressTypes } from "./reference-service";

// The admin person page (/admin/people/[id], issue 20: ×2.3 the trivial page at 10,000 people). Every statement it
// reads is prepared, so each holds the embedded database's one session for one round trip — unnamed, postgres.js
// describes it first and the session waits on the busy web process in between — and they are sent together; the
// addresses are one statement however many there are (was one more per address, and read twice). Counted in the
// wire server's hold report, never timed. Embedded only.
let web: SessionHoldsDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  web = await startSessionHoldsDatabase();
  for (const a of await web.db.select({ email: accounts.email, personId: accounts.personId }).from(accounts)) ids[a.email.split("@")[0]!] = a.personId;
}, 120_000);
afterAll(async () => {
  await web?.close();
});

const viewer = async (personId: number) => ({
  personId,
  permissions: await permissionsOfPerson(web.db, personId),
  viewScope: await viewScopeOf(web.db, personId),
});

describe.skipIf(process.env.TEST_PG_TEMPLATE_URL)("the admin person page's reads on the embedded database", () => {
  it("an admin on their own page: every statement one round trip", async () => {
    const admin = await viewer(ids.admin!);
    const mine = await web.holdsOf(() => personPage(web.db, admin, ids.admin!));
    expect(mine.map((h) => h.roundTrips)).toEqual(mine.map(() => 1));
    expect(mine.length).toBeLessThanOrEqual(PAGE_STATEMENTS);
  });

  it("another person's page: as many statements with five addresses, two shared, as with none; one more than one's own", async () => {
    const admin = await viewer(ids.admin!);
    const own = await web.holdsOf(() => personPage(web.db, admin, ids.admin!));
    const before = await web.holdsOf(() => personPage(web.db, admin, ids.member!));
    // Whether the person outranks the viewer: the viewer's permissions are the session's, the person's one statement
    // (was four: both people's right keys and system trainings).
    expect(before.length).toBe(own.length + 1);

    const [type] = await listAddressTypes(web.db);
    expect(await setPartner(web.db, ids.admin!, ids.member!, ids.maria!)).toEqual({ ok: true });
    for (const street of ["Hofgasse 1", "Hofgasse 2", "Hofgasse 3", "Hofgasse 4", "Hofgasse 5"]) {
      const added = await addAddress(web.db, ids.admin!, ids.member!, { typeId: type!.id, street, city: "Graz" });
      if (!added.ok) throw new Error(added.message);
      if (street < "Hofgasse 3") expect(await shareAddress(web.db, ids.admin!, added.addressId, ids.member!, ids.maria!)).toEqual({ ok: true });
    }
    const after = await web.holdsOf(() => personPage(web.db, admin, ids.member!));
    const page = await personPage(web.db, admin, ids.member!);
    expect(page!.record.addresses.map((a) => a.sharedWith)).toEqual([[ids.maria], [ids.maria], [], [], []].sort((a, b) => b.length - a.length));
    expect(page!.partner).toMatchObject({ personId: ids.maria });

    expect(after.length).toBe(before.length);
    expect(after.map((h) => h.roundTrips)).toEqual(after.map(() => 1));
  });
});

/** The person with their addresses, memberships, cards, equipment, functions, studies and history; the lists the forms offer (one statement: person-page-lists.ts); partner, login, roles. */
const PAGE_STATEMENTS = 14;
