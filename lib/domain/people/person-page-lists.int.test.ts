import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, addressTypes, membershipStatuses, membershipTypes, roles, studyFields } from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import { countingDb, type CountingDb } from "@/lib/db/testing/query-counter";
import { permissionsOfPerson } from "../access/person-permissions";
import { viewScopeOf } from "../access/view-rights";
import { listRoles } from "./committee-admin";
import { personPage } from "./person-page";
import { listAddressTypes, listMembershipTypes, listStatuses } from "./reference-service";
import { studyFieldNames } from "./study-fields";

// The admin person page's fixed lists (statuses, membership types, address types, study fields, roles) are one
// statement, not five (issue 20), with the rows and order each list's own reader gives; read each time, so an
// admin's edit shows at once. Both databases: the lists are built in SQL (json_agg).
let t: DemoDatabase;
let counted: CountingDb;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createDemoDatabase();
  for (const a of await t.db.select({ email: accounts.email, personId: accounts.personId }).from(accounts)) ids[a.email.split("@")[0]!] = a.personId;
  // Orders where sort order, id and name disagree, a retired field, a name that sorts differently in lower case.
  await t.db.insert(membershipStatuses).values([{ key: "zz-first", name: "Aa first", sortOrder: -5, mayLogIn: false, inDirectory: true }]);
  await t.db
    .insert(membershipTypes)
    .values([{ key: "zz-type", name: "Zz type", sortOrder: -1, feeCents: 1234, billingPeriod: "quarterly", partnerRate: true, active: false }]);
  await t.db.insert(addressTypes).values([{ key: "zz-addr", name: "Aa addr", sortOrder: 99 }]);
  await t.db.insert(studyFields).values([{ name: "aardvark studies" }, { name: "Zoology" }, { name: "Basket weaving", retiredAt: new Date() }]);
  await t.db.insert(roles).values([{ key: "zz-role", name: "aa role", description: "x" }]);
  counted = countingDb(t.url);
  await listStatuses(counted.db); // the connection opened, its types fetched
}, 120_000);
afterAll(async () => {
  await counted?.close();
  await t?.close();
});

const viewer = async (personId: number) => ({
  personId,
  permissions: await permissionsOfPerson(t.db, personId),
  viewScope: await viewScopeOf(t.db, personId),
});

describe("the admin person page's lists", () => {
  it("are one statement with the rows and order of each list's own reader, the roles for a system admin only", async () => {
    const admin = await viewer(ids.admin!);
    expect(admin.permissions.has("system.admin")).toBe(true);
    counted.reset();
    const page = await personPage(counted.db, admin, ids.member!);
    const listStatements = counted.queries.filter((q) =>
      /\b(membership_statuses|membership_types|address_types|study_fields|roles)"?\s+order by|json_agg/i.test(q),
    );
    expect(listStatements).toHaveLength(1);
    expect(counted.queries).toHaveLength(PAGE_STATEMENTS);

    expect(page!.statuses).toEqual(await listStatuses(t.db));
    expect(page!.types).toEqual(await listMembershipTypes(t.db));
    expect(page!.addressTypes).toEqual(await listAddressTypes(t.db));
    expect(page!.studyFields).toEqual(await studyFieldNames(t.db));
    expect(page!.roles).toEqual(await listRoles(t.db));
    expect(page!.studyFields).not.toContain("Basket weaving");
    expect(page!.partnerRateTypes).toContain("Zz type");

    // A people desk without system.admin: the same one statement, no roles.
    const desk = { ...admin, permissions: new Set([...admin.permissions].filter((p) => p !== "system.admin")) as typeof admin.permissions };
    counted.reset();
    const deskPage = await personPage(counted.db, desk, ids.member!);
    expect(counted.queries.filter((q) => /json_agg/i.test(q))).toHaveLength(1);
    expect(deskPage!.roles).toEqual([]);
    expect(deskPage!.statuses).toEqual(page!.statuses);
  });

  it("show an admin's edit at once", async () => {
    const admin = await viewer(ids.admin!);
    await personPage(counted.db, admin, ids.member!);
    await t.db.update(membershipStatuses).set({ name: "Renamed first" }).where(eq(membershipStatuses.key, "zz-first"));
    const page = await personPage(counted.db, admin, ids.member!);
    expect(page!.statuses.map((s) => s.name)).toContain("Renamed first");
  });
});

/** The record's reads, the view scope and rank, partner, login, held roles, and the lists (one). */
const PAGE_STATEMENTS = 15;
