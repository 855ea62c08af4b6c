import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, membershipStatuses, openStatusChanges, people, personRoles, profileStudies, profiles, roles } from "@/lib/db/schema";
import { createService } from "@/lib/domain/api-tokens/services";
import { createServiceToken, revokeToken } from "@/lib/domain/api-tokens/tokens";
import { wholeDirectory } from "@/lib/domain/people/testing/whole-directory";
import { createStudyField } from "@/lib/domain/people/study-fields";
import { permissionsOfPerson } from "@/lib/domain/access/person-permissions";
import { createApiTestbed, type ApiTestbed } from "./testing/api-testbed";

let t: ApiTestbed;
beforeAll(async () => {
  t = await createApiTestbed();
});
afterAll(() => t?.f.close());

type Page<T = Record<string, unknown>> = { data: T[]; nextCursor: string | null };
const ids = (body: unknown) => (body as Page<{ id: number }>).data.map((r) => r.id);

async function walk(path: string, token: string, limit: number) {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const r = await t.call("GET", `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { token });
    expect(r.status).toBe(200);
    rows.push(...(r.body as Page).data);
    cursor = (r.body as Page).nextCursor;
  } while (cursor);
  return rows;
}

describe("people through the API", () => {
  it("show each field only as the person's visibility allows this token's owner, like the directory page", async () => {
    const member = await t.token(t.f.ids.member, ["read:people"]);
    const admin = await t.token(t.f.ids.admin, ["read:people"]);
    const maria = (await t.call("GET", `/people/${t.f.ids.maria}`, { token: member })).body as Record<string, unknown>;
    expect(maria.name).toBe("Maria Huber");
    expect(maria).not.toHaveProperty("email");
    expect((await t.call("GET", `/people/${t.f.ids.maria}`, { token: admin })).body).toHaveProperty("email", "maria@makerspace.local");

    // Maria asks that only the board sees her: gone from the member's directory, still there for the admin.
    await t.f.db.update(profiles).set({ boardOnly: true }).where(eq(profiles.personId, t.f.ids.maria));
    expect((await t.call("GET", `/people/${t.f.ids.maria}`, { token: member })).status).toBe(404);
    expect(ids((await t.call("GET", "/members", { token: member })).body)).not.toContain(t.f.ids.maria);
    expect(ids((await t.call("GET", "/members", { token: admin })).body)).toContain(t.f.ids.maria);

    // Paging one by one skips the hidden entries and yields exactly what the directory page shows.
    const viewer = { personId: t.f.ids.member, permissions: await permissionsOfPerson(t.f.db, t.f.ids.member) };
    const expected = (await wholeDirectory(t.f.db, viewer)).map((e) => e.personId);
    expect((await walk("/members", member, 1)).map((r) => r.id)).toEqual(expected);
    await t.f.db.update(profiles).set({ boardOnly: false }).where(eq(profiles.personId, t.f.ids.maria));
  });

  it("filter the board's list by field of study", async () => {
    const admin = await t.token(t.f.ids.admin, ["read:people"]);
    const field = await createStudyField(t.f.db, t.f.ids.admin, "Mechatronics");
    if (!field.ok) throw new Error(field.message);
    await t.f.db.insert(profileStudies).values({ personId: t.f.ids.maria, fieldId: field.id, startYear: 2021 });
    expect(ids((await t.call("GET", `/people?study=${field.id}`, { token: admin })).body)).toEqual([t.f.ids.maria]);
    expect((await t.call("GET", "/people?study=abc", { token: admin })).status).toBe(400);
  });

  it("refuse a cursor reused with other filters", async () => {
    const admin = await t.token(t.f.ids.admin, ["read:people"]);
    const first = (await t.call("GET", "/people?sort=number&limit=1", { token: admin })).body as Page;
    expect(first.nextCursor).toBeTruthy();
    const reused = await t.call("GET", `/people?sort=name&limit=1&cursor=${first.nextCursor}`, { token: admin });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ code: "invalid_request", errors: [{ name: "cursor" }] });
    expect((await t.call("GET", "/people?cursor=garbage", { token: admin })).status).toBe(400);
    expect((await t.call("GET", "/people?limit=0", { token: admin })).body).toMatchObject({ errors: [{ name: "limit", in: "query" }] });
    // Every sort pages to the same set as one big page.
    for (const sort of ["name", "number", "status", "joined"]) {
      for (const dir of ["asc", "desc"]) {
        const all = ids((await t.call("GET", `/people?sort=${sort}&dir=${dir}&limit=200`, { token: admin })).body);
        expect(
          (await walk(`/people?sort=${sort}&dir=${dir}`, admin, 2)).map((r) => r.id),
          `${sort} ${dir}`,
        ).toEqual(all);
      }
    }
  }, 120_000);
});

describe("members-only events through the API", () => {
  it("are not shown to an applicant's token, nor found by id; public ones are", async () => {
    const applicant = await t.token(t.f.ids.applicant, ["read:events"]);
    const member = await t.token(t.f.ids.member, ["read:events"]);
    const listed = async (token: string) =>
      ((await t.call("GET", "/events?from=2030-03-01T00:00:00Z&to=2030-03-31T00:00:00Z", { token })).body as Page<{ eventId: number }>).data.map(
        (e) => e.eventId,
      );
    expect(await listed(applicant)).toEqual([t.publicEventId]);
    expect(await listed(member)).toEqual([t.eventId, t.publicEventId]);
    expect((await t.call("GET", `/events/${t.eventId}`, { token: applicant })).status).toBe(404);
    expect((await t.call("GET", `/events/${t.publicEventId}`, { token: applicant })).status).toBe(200);
    expect((await t.call("GET", `/events/${t.eventId}`, { token: member })).status).toBe(200);
  });
});

describe("a token never has more rights than its owner", () => {
  it("loses what the owner loses, at the next request", async () => {
    const token = await t.token(t.f.ids.trainer, ["read:people", "read:events"]);
    expect((await t.call("GET", "/members", { token })).status).toBe(200);
    // The board's list needs members.read, which the trainer never had: the scope does not add it.
    expect((await t.call("GET", "/people", { token })).body).toMatchObject({ status: 403, code: "forbidden" });

    const [applicant] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
    const [member] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
    const [trainerRole] = await t.f.db.select().from(roles).where(eq(roles.key, "trainer"));
    await t.f.db.delete(personRoles).where(eq(personRoles.personId, t.f.ids.trainer));
    await t.f.db.update(people).set({ statusId: applicant!.id }).where(eq(people.id, t.f.ids.trainer));
    const refused = await t.call("GET", "/members", { token });
    expect(refused.body).toMatchObject({ status: 403, detail: expect.stringContaining("no longer holds") });
    expect((await t.call("GET", "/me", { token })).body).toMatchObject({ scopes: ["read:events", "read:people"], effectiveScopes: ["read:events"] });

    const [banned] = await t.f.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "banned"));
    await t.f.db.update(people).set({ statusId: banned!.id }).where(eq(people.id, t.f.ids.trainer));
    expect((await t.call("GET", "/me", { token })).body).toMatchObject({ status: 401, detail: expect.stringContaining("may no longer act") });

    await t.f.db.update(people).set({ statusId: member!.id }).where(eq(people.id, t.f.ids.trainer));
    await t.f.db.insert(personRoles).values({ personId: t.f.ids.trainer, roleId: trainerRole!.id });
    expect((await t.call("GET", "/members", { token })).status).toBe(200);
  });

  it("is refused once revoked or expired, and without the scope", async () => {
    const token = await t.token(t.f.ids.member, ["read:events"]);
    expect((await t.call("GET", "/machines", { token })).body).toMatchObject({ status: 403, detail: expect.stringContaining("read:machines") });
    const [row] = await t.f.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenPrefix, token.slice(0, 10)));
    const late = new Date(row!.expiresAt.getTime() + 1000);
    expect((await t.call("GET", "/events", { token, now: late })).body).toMatchObject({ status: 401, detail: expect.stringContaining("expired") });
    expect(await revokeToken(t.f.db, t.f.ids.member, row!.id)).toEqual({ ok: true });
    const revoked = await t.call("GET", "/events", { token });
    expect(revoked.body).toMatchObject({ status: 401, detail: expect.stringContaining("revoked") });
    expect(revoked.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("reads usage: staff everyone's, a member only their own", async () => {
    const member = await t.token(t.f.ids.member, ["read:usage"]);
    const mine = (await t.call("GET", "/usage", { token: member })).body as Page<{ personId: number }>;
    expect(mine.data.length).toBeGreaterThan(0);
    expect(mine.data.every((s) => s.personId === t.f.ids.member)).toBe(true);
    expect((await t.call("GET", `/usage?person=${t.f.ids.admin}`, { token: member })).status).toBe(403);
    const admin = await t.token(t.f.ids.admin, ["read:usage"]);
    expect(((await t.call("GET", `/usage?machine=${t.machineId}&from=2000-01-01`, { token: admin })).body as Page).data.length).toBeGreaterThan(0);
    expect((await t.call("GET", "/usage?from=yesterday", { token: admin })).body).toMatchObject({ errors: [{ name: "from" }] });
  });

  it("lists registrations only for the responsible person or calendar.write", async () => {
    const member = await t.token(t.f.ids.member, ["read:events"]);
    expect((await t.call("GET", `/events/${t.eventId}/registrations`, { token: member })).status).toBe(403);
    const admin = await t.token(t.f.ids.admin, ["read:events"]);
    const list = (await t.call("GET", `/events/${t.eventId}/registrations`, { token: admin })).body as { data: { name: string; status: string }[] };
    expect(list.data).toEqual([expect.objectContaining({ name: "Mario Rossi", status: "signed_up" })]);
  });
});

describe("open status", () => {
  it("is set by a person with space.open or a service holding it, and read by anyone with the scope", async () => {
    const admin = await t.token(t.f.ids.admin, ["write:open-status", "read:open-status"]);
    const opened = await t.call("PUT", "/open-status", { token: admin, body: { open: true, message: "Open lab night" } });
    expect(opened.body).toMatchObject({ open: true, message: "Open lab night" });
    expect((await t.call("PUT", "/open-status", { token: admin, body: { open: "yes" } })).status).toBe(400);
    expect((await t.call("PUT", "/open-status", { token: admin, rawBody: "{", headers: { "content-type": "application/json" } })).status).toBe(400);

    const service = await createService(t.f.db, t.f.ids.admin, { name: "Door sensor", permissions: ["space.open"] });
    if (!service.ok) throw new Error(service.message);
    const door = await createServiceToken(t.f.db, t.f.ids.admin, service.id, { name: "door", scopes: ["write:open-status"], expiresInDays: 30 });
    if (!door.ok) throw new Error(door.message);
    expect((await t.call("PUT", "/open-status", { token: door.token, body: { open: false } })).body).toMatchObject({ open: false });
    const [last] = await t.f.db
      .select()
      .from(openStatusChanges)
      .where(and(eq(openStatusChanges.open, false)));
    expect(last).toMatchObject({ sensorName: "service: Door sensor", changedById: null });

    const member = await t.token(t.f.ids.member, ["read:open-status"]);
    expect((await t.call("GET", "/open-status", { token: member })).body).toMatchObject({ open: false });
  });
});
