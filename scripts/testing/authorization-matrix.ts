import { NextSignal, state } from "./server-actions";
import { eq } from "drizzle-orm";
import {
  accounts,
  committeeFunctions,
  functionRoles,
  committees,
  functionHolders,
  interventions,
  machines,
  membershipStatuses,
  personRoles,
  rolePermissions,
  roles,
  usageSessions,
} from "@/lib/db/schema";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { Permission } from "@/lib/domain/access/permissions";
import { addAddress } from "@/lib/domain/people/address-service";
import { createPerson } from "@/lib/domain/people/create-person";
import { listAddressTypes } from "@/lib/domain/people/reference-service";
import { PICKED_PREFIX } from "@/lib/domain/people/pick-people";
import type { Gate } from "./authorization-gates";

/*
 * The harness of the generated authorization suite (app/authorization-*.int.test.ts): Next.js and Auth.js replaced
 * by a session that says who is asking (server-actions.ts), the seven roles in a fresh database, and one way to tell
 * a refusal from a call that got in. Import it first in a test file: its mocks must be in place before any action is
 * loaded.
 */
export { declared, filesUnder, NextSignal, root, state, type DeclaredSpec } from "./server-actions";

export const ROLES = ["anonymous", "applicant", "member", "trainer", "staff", "former", "banned"] as const;
export type Role = (typeof ROLES)[number];

const personOf = new Map<Role, number | null>();
const permissionsOf = new Map<Role, ReadonlySet<Permission>>();
let database: DemoDatabase | null = null;
/** A machine of the demo data, for forms that name one ("$machine"). */
export let machineId = 0;
/**
 * Rows on LASER 1 (the demo trainer owns its type) that per-row actions act on, so their domain's check of the row's
 * machine is reached: a case's argument "$row:<name>" is the id. One row per action: a call that gets in changes it.
 */
export const rows: Record<string, number> = {};
/**
 * A people desk whose view rights leave people out (members.read, members.write and equipment.manage, what a member holds, and the
 * right to see members only; their own status, applicant, grants nothing), a person they see (a member) and one
 * they do not (an applicant); none of the three is one of the matrix's roles. Filled by setUpRoles.
 */
export const narrowed = { desk: 0, inside: 0, outside: 0 };

/** Calls as the narrowed desk: its answer as it is, a Next.js signal (notFound, redirect) as its kind. */
export async function asDesk(call: () => Promise<unknown>): Promise<unknown> {
  state.personId = narrowed.desk;
  state.sessionVersion = (await database!.db.select({ v: accounts.sessionVersion }).from(accounts).where(eq(accounts.personId, narrowed.desk)))[0]!.v;
  try {
    return await call();
  } catch (error) {
    if (error instanceof NextSignal) return { signal: error.kind };
    throw error;
  }
}

/** A case's arguments with "$row:<name>" replaced by the row's id. */
export const withRows = (args: unknown[]): unknown[] => args.map((a) => (typeof a === "string" && a.startsWith("$row:") ? rows[a.slice(5)] : a));

/** A gate lets a role in: anyone; any logged-in person; or one holding the permission (any of them). */
export function lets(gate: Gate, role: Role): boolean {
  if (gate === "anyone") return true;
  if (gate === "credential") return false;
  if (personOf.get(role) === null || role === "former" || role === "banned") return false;
  if (gate === "user") return true;
  const wanted = Array.isArray(gate) ? gate : [gate];
  return wanted.some((p) => permissionsOf.get(role)!.has(p as Permission));
}

const REFUSAL_CODES = new Set(["forbidden", "unauthenticated", "unauthorized", "not_logged_in", "login_required"]);
export type Outcome = { refused: boolean; detail: string };

export async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call();
    if (result instanceof Response) {
      const location = result.headers.get("location") ?? "";
      const refused = result.status === 401 || result.status === 403 || (result.status >= 300 && result.status < 400 && /\/login\b/.test(location));
      return { refused, detail: `HTTP ${result.status}` };
    }
    // Some actions answer { result: ActionResult, … } (imports with a preview).
    const answer = result && typeof result === "object" && "result" in result ? (result as { result: unknown }).result : result;
    if (answer && typeof answer === "object" && "ok" in answer && answer.ok === false) {
      const code = (answer as { code?: unknown }).code;
      // A refusal without a code (a step of the bulk invitation) is a refusal of the caller.
      return { refused: code === undefined || REFUSAL_CODES.has(String(code)), detail: `refusal ${String(code)}` };
    }
    return { refused: false, detail: "ok" };
  } catch (error) {
    if (error instanceof NextSignal) {
      if (error.kind === "redirect") return { refused: /^\/login\b/.test(error.url), detail: `redirect ${error.url}` };
      return { refused: error.kind !== "notFound", detail: error.kind };
    }
    return { refused: false, detail: `threw ${(error as Error).message?.slice(0, 80)}` };
  }
}

/** Calls as the role: with the session the person logged in with (the former and banned keep the one from before). */
export async function as<T>(role: Role, call: () => Promise<T>): Promise<Outcome> {
  const personId = personOf.get(role) ?? null;
  state.personId = personId;
  // Current for people who may log in, so an action that ends sessions (log out, new password) does not end the
  // matrix; the former and banned keep the one from before their status changed.
  state.sessionVersion =
    personId === null ? 0 : ((await database!.db.select({ v: accounts.sessionVersion }).from(accounts).where(eq(accounts.personId, personId)))[0]?.v ?? 0);
  if (role === "former" || role === "banned") state.sessionVersion = 0;
  return outcomeOf(call);
}

/** A case's form: "$machine" a machine's id, "$row:<name>" a row's, "$person:<role>" the role's person as a picker sends it. */
export function formOf(values: Record<string, string> = {}): FormData {
  const form = new FormData();
  const valueOf = (value: string) =>
    value === "$machine"
      ? String(machineId)
      : value.startsWith("$person:")
        ? `${PICKED_PREFIX}${personOf.get(value.slice(8) as Role)}`
        : String(withRows([value])[0]);
  for (const [key, value] of Object.entries(values)) form.set(key, valueOf(value));
  return form;
}

/** A fresh database with the demo people and a staff member, a former and a banned one; the roles' permissions. */
export async function setUpRoles(): Promise<DemoDatabase> {
  const t = await createDemoDatabase();
  database = t;
  state.db = t.db;
  machineId = (await t.db.select({ id: machines.id }).from(machines).limit(1))[0]!.id;
  const id = async (email: string) => (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, email)))[0]!.personId;
  const person = (statusKey: string, firstName: string, lastName: string, email: string) =>
    createPerson(t.db, { statusKey, firstName, lastName, email, password: "matrix-password-1" });
  const staff = await person("member", "Stella", "Staff", "staff@matrix.test");
  const [staffRole] = await t.db.select().from(roles).where(eq(roles.key, "staff"));
  await t.db.insert(personRoles).values({ personId: staff.personId, roleId: staffRole!.id });
  personOf.set("anonymous", null);
  personOf.set("applicant", await id("applicant@makerspace.local"));
  personOf.set("member", await id("member@makerspace.local"));
  personOf.set("trainer", await id("trainer@makerspace.local"));
  personOf.set("staff", staff.personId);
  personOf.set("former", (await person("former", "Fred", "Former", "former@matrix.test")).personId);
  personOf.set("banned", (await person("banned", "Bea", "Banned", "banned@matrix.test")).personId);
  const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
  rows.laser = laser!.id;
  const start = new Date("2026-01-05T10:00:00Z");
  for (const name of ["acceptFlagged", "deleteFlagged", "deleteUsage"]) {
    const [row] = await t.db
      .insert(usageSessions)
      .values({
        machineId: laser!.id,
        personId: personOf.get("member")!,
        cardUid: "efbeadde",
        startedAt: start,
        endedAt: new Date(start.getTime() + 3_600_000),
        durationSeconds: 3600,
        recordedAs: "reconstructed",
        lastHeartbeatAt: start,
        openedByEventAt: start,
        flaggedReason: "longer_than_since_start",
      })
      .returning({ id: usageSessions.id });
    rows[name] = row!.id;
  }
  const [intervention] = await t.db.insert(interventions).values({ machineId: laser!.id, doneAt: start, source: "manual" }).returning({ id: interventions.id });
  rows.deleteIntervention = intervention!.id;
  const [memberStatus] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "member"));
  const [memberRole] = await t.db.select().from(roles).where(eq(roles.key, "member"));
  const memberKeys = (await t.db.select().from(rolePermissions).where(eq(rolePermissions.roleId, memberRole!.id))).map((r) => r.permissionKey);
  const [deskRole] = await t.db.insert(roles).values({ key: "matrix-member-desk", name: "Member desk", description: "" }).returning();
  const deskKeys = new Set([
    ...memberKeys.filter((k) => !k.startsWith("view.")),
    "members.read",
    "members.write",
    "equipment.manage",
    `view.status.${memberStatus!.id}`,
  ]);
  await t.db.insert(rolePermissions).values([...deskKeys].map((permissionKey) => ({ roleId: deskRole!.id, permissionKey })));
  narrowed.desk = (await person("applicant", "Dana", "Desk", "desk@matrix.test")).personId;
  await t.db.insert(personRoles).values({ personId: narrowed.desk, roleId: deskRole!.id });
  narrowed.inside = (await createPerson(t.db, { statusKey: "member", firstName: "Ines", lastName: "Inside", email: "inside@matrix.test" })).personId;
  const [addressType] = await listAddressTypes(t.db);
  const address = await addAddress(t.db, narrowed.inside, narrowed.inside, { typeId: addressType!.id, street: "Inner street 1", city: "Graz" });
  if (!address.ok) throw new Error(address.message);
  rows.insideAddress = address.addressId;
  const [committee] = await t.db.insert(committees).values({ name: "Matrix committee" }).returning({ id: committees.id });
  const [fn] = await t.db.insert(committeeFunctions).values({ committeeId: committee!.id, name: "Matrix function" }).returning({ id: committeeFunctions.id });
  rows.deskFunction = fn!.id;
  // A function whose role shows applicants, a group the desk may not see: assigning it widens view rights.
  const [applicantStatus] = await t.db.select().from(membershipStatuses).where(eq(membershipStatuses.key, "applicant"));
  const [scout] = await t.db.insert(roles).values({ key: "matrix-applicant-scout", name: "Applicant scout", description: "" }).returning();
  await t.db.insert(rolePermissions).values({ roleId: scout!.id, permissionKey: `view.status.${applicantStatus!.id}` });
  const [widening] = await t.db
    .insert(committeeFunctions)
    .values({ committeeId: committee!.id, name: "Matrix scout" })
    .returning({ id: committeeFunctions.id });
  await t.db.insert(functionRoles).values({ functionId: widening!.id, roleId: scout!.id });
  rows.wideningFunction = widening!.id;
  // The member status's roles see every group (the member role's directory.read): the desk's own move there widens.
  rows.memberStatus = memberStatus!.id;
  narrowed.outside = (await createPerson(t.db, { statusKey: "applicant", firstName: "Otto", lastName: "Outside", email: "outside@matrix.test" })).personId;
  // Each held the roleless function (ending it is a call on that person, "$row:deskHolder:$subject"); in the past, so
  // a committee view right the desk may get (syncViewRights, when a case creates a committee) does not reach them.
  for (const holder of [narrowed.inside, narrowed.outside]) {
    const [held] = await t.db
      .insert(functionHolders)
      .values({ functionId: fn!.id, personId: holder, since: "2025-01-01", until: "2025-06-30" })
      .returning({ id: functionHolders.id });
    rows[`deskHolder:${holder}`] = held!.id;
  }
  const { permissionsOfPerson } = await import("@/lib/domain/access/person-permissions");
  for (const role of ROLES) permissionsOf.set(role, personOf.get(role) ? await permissionsOfPerson(t.db, personOf.get(role)!) : new Set());
  return t;
}
