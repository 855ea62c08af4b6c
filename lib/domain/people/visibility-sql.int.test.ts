import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import type { Permission } from "../access/permissions";
import { mayViewField, scopedViewer, VISIBILITY_FIELDS, type Viewer, type VisibilitySettings } from "./visibility";
import { mayViewFieldSql, type VisibilityColumns } from "./visibility-sql";

/**
 * The rule written once, checked twice: for every field, every setting (each audience, none, an unknown word, a
 * non-string), with and without "only the board", towards the viewer themselves, their partner and a stranger,
 * inside and outside the viewer's view rights, and for every kind of viewer, the SQL condition answers what
 * mayViewField answers. On the database the tests run on (PGlite, or PostgreSQL with DATABASE_URL).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.close());

const VIEWER_ID = 1;
const SETTINGS: (unknown | undefined)[] = ["public", "members", "board", undefined, "everyone", 7, null];
const rows: (VisibilitySettings & { id: number; inScope: boolean })[] = [];
for (const setting of SETTINGS)
  for (const boardOnly of [false, true])
    for (const relation of ["self", "partner", "stranger"] as const)
      for (const inScope of [true, false]) {
        const visibility = setting === undefined ? {} : Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, setting]));
        const personId = relation === "self" ? VIEWER_ID : 100 + rows.length;
        rows.push({
          id: rows.length,
          personId,
          partnerPersonId: relation === "partner" ? VIEWER_ID : relation === "self" ? 55 : null,
          visibility: visibility as Record<string, string>,
          boardOnly,
          // The viewer is always within their own scope.
          inScope: relation === "self" ? true : inScope,
        });
      }
// One person with a different audience per field.
rows.push({
  id: rows.length,
  personId: 999,
  partnerPersonId: null,
  visibility: { name: "public", email: "members", phone: "public" },
  boardOnly: false,
  inScope: true,
});

const PERMISSIONS: [string, Permission[]][] = [
  ["nothing", []],
  ["member", ["directory.read"]],
  ["board", ["members.read"]],
  ["board and member", ["members.read", "directory.read"]],
];
const VIEWERS: [string, Viewer][] = PERMISSIONS.flatMap(([label, permissions]) => [
  [`anonymous with ${label}`, { personId: null, permissions: new Set(permissions) }],
  [`person ${VIEWER_ID} with ${label}`, { personId: VIEWER_ID, permissions: new Set(permissions) }],
]);

const table = sql`(values ${sql.join(
  rows.map(
    (r) =>
      sql`(${r.id}::int, ${r.personId}::int, ${r.partnerPersonId}::int, ${JSON.stringify(r.visibility)}::jsonb, ${r.boardOnly}::boolean, ${r.inScope}::boolean)`,
  ),
  sql`, `,
)}) as v(id, person_id, partner_person_id, visibility, board_only, in_scope)`;
const cols: VisibilityColumns = {
  personId: sql`v.person_id`,
  partnerPersonId: sql`v.partner_person_id`,
  visibility: sql`v.visibility`,
  boardOnly: sql`v.board_only`,
};

describe("mayViewFieldSql answers what mayViewField answers", () => {
  it.each(VIEWERS)("%s, seeing every group", async (_label, viewer) => {
    const selected = VISIBILITY_FIELDS.map((f) => sql`${mayViewFieldSql(viewer, f, cols)} as ${sql.identifier(f)}`);
    const found = (await t.db.execute(sql`select v.id, ${sql.join(selected, sql`, `)} from ${table} order by v.id`)) as unknown as Record<string, unknown>[];
    expect(found).toHaveLength(rows.length);
    const expected = rows.map((r) => ({ id: r.id, ...Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, mayViewField(viewer, r, f)])) }));
    expect(found).toEqual(expected);
  });

  it.each(VIEWERS)("%s, within view rights", async (_label, viewer) => {
    const selected = VISIBILITY_FIELDS.map((f) => sql`${mayViewFieldSql(viewer, f, cols, { inScope: sql`v.in_scope` })} as ${sql.identifier(f)}`);
    const found = (await t.db.execute(sql`select v.id, ${sql.join(selected, sql`, `)} from ${table} order by v.id`)) as unknown as Record<string, unknown>[];
    const expected = rows.map((r) => ({
      id: r.id,
      ...Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, mayViewField(scopedViewer(viewer, r, r.inScope), r, f)])),
    }));
    expect(found).toEqual(expected);
  });

  it("covers every answer: each field is seen by some viewers and hidden from others", async () => {
    const answers = new Set(VIEWERS.flatMap(([, v]) => rows.map((r) => mayViewField(v, r, "name"))));
    expect(answers).toEqual(new Set([true, false]));
  });
});
