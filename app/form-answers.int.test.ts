import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { ensureReferenceData } from "@/drizzle/reference-data";
import { seedDemoData } from "@/drizzle/seed";
import { accounts, machines, trainingSessions } from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-database";
import { savePlan } from "@/lib/domain/machines/maintenance-plans";
import { createThing } from "@/lib/domain/inventory/things";
import { scheduleSession } from "@/lib/domain/training/session-service";
import { signUp } from "@/lib/domain/training/signup-service";
import type { ActionResult } from "@/lib/web/action-result";

/*
 * Forms that explain, for every form of the app: each field a person fills in is named by its label when refused
 * (all refused fields at once, beside themselves), no catalog message says only "please check your input", and the
 * answers of the forms fixed for it say what happened in words that cannot be misread.
 */

const specs = vi.hoisted(() => new Map<unknown, { file: string; spec: Record<string, unknown> }>());
const current = vi.hoisted(() => ({ file: "" }));
const state = vi.hoisted(() => ({ db: null as unknown, personId: null as number | null, sessionVersion: 0 }));
vi.mock("@/lib/web/action", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/web/action")>();
  return {
    ...original,
    defineAction: ((spec: never) => {
      const action = (original.defineAction as (s: unknown) => unknown)(spec);
      specs.set(action, { file: current.file, spec: spec as Record<string, unknown> });
      return action;
    }) as typeof original.defineAction,
  };
});
vi.mock("next-auth", () => ({ CredentialsSignin: class extends Error {}, AuthError: class extends Error {} }));
vi.mock("@/lib/auth/config", () => ({
  auth: async () => (state.personId === null ? null : { user: { id: String(state.personId) }, sessionVersion: state.sessionVersion }),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: { GET: async () => new Response(null, { status: 404 }), POST: async () => new Response(null, { status: 404 }) },
}));
vi.mock("@/lib/web/db", () => ({ getDb: () => state.db }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1", host: "localhost" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, unstable_cache: <T>(fn: T) => fn }));

const root = path.resolve(import.meta.dirname, "..");
function filesUnder(dir: string, test: (rel: string, source: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(rel, test);
    if (!/\.tsx?$/.test(entry.name) || entry.name.includes(".test.")) return [];
    return test(rel, fs.readFileSync(path.join(root, rel), "utf8")) ? [rel] : [];
  });
}
const actionFiles = filesUnder("app", (_rel, source) => /^\s*["']use server["']/.test(source));

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") return def.shape as Record<string, z.ZodType>;
  if (def.type === "pipe") return shapeOf(def.in as z.ZodType);
  return null;
}
/** A field a person never types: a checkbox (it cannot be wrong) or an id the page put in a hidden field or bound. */
function typedByNobody(key: string, schema: z.ZodType): boolean {
  let def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while (def.innerType && (def.type === "optional" || def.type === "default" || def.type === "nullable"))
    def = (def.innerType as unknown as { _zod: { def: typeof def } })._zod.def;
  return def.type === "boolean" || /^(id|token|intent|query|fields|next|op|confirm)$|Id$|Ids$/.test(key);
}

/** Fields the page sends itself (hidden inputs, or none at all): nobody types them, so they need no label. */
const SENT_BY_THE_PAGE: Record<string, string[]> = {
  "app/(admin)/admin/usage/actions.ts#correctSessionAction": ["startedAt"],
  "app/(admin)/admin/equipment/machines/[id]/operations/actions.ts#remoteCommandAction": ["kind"],
  "app/(admin)/admin/equipment/machines/[id]/operations/plan-actions.ts#recordDoneAction": ["notes"],
  "app/(admin)/admin/equipment/machines/actions.ts#setMachineBlockedAction": ["blocked"],
  "app/(member)/profile/services/actions.ts#disconnectServiceAction": ["name"],
  "app/(admin)/admin/settings/wording/actions.ts#saveWordingAction": ["locale", "key"],
};

/**
 * Forms whose typed fields have no labels yet: the domain refuses them in its own words (one at a time). The list
 * only shrinks; an entry that has its labels now must go.
 */
const NOT_YET: Record<string, string[]> = {};

let t: TestDatabase;
let admin = 0;
const loadedSpecs: { name: string; spec: Record<string, unknown> }[] = [];
const actions = new Map<string, (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>>();

beforeAll(async () => {
  for (const file of actionFiles) {
    current.file = file;
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const made = specs.get(value);
      if (!made) continue;
      loadedSpecs.push({ name: `${file}#${name}`, spec: made.spec });
      actions.set(`${file}#${name}`, value as never);
    }
  }
  t = await createTestDatabase();
  await ensureReferenceData(t.db);
  await seedDemoData(t.db, "demo-password-123");
  state.db = t.db;
  admin = (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, "admin@makerspace.local")))[0]!.personId;
  state.personId = admin;
});
afterAll(() => t?.close());

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const call = (name: string, values: Record<string, string>) => actions.get(name)!(null, form(values));

describe("forms explain", () => {
  it("every field a person fills in has a label, so a refusal names it as the form shows it", () => {
    expect(loadedSpecs.length).toBeGreaterThan(100);
    const unlabelled: Record<string, string[]> = {};
    for (const { name, spec } of loadedSpecs) {
      const shape = shapeOf(spec.input as z.ZodType);
      if (!shape) continue;
      const labels = (spec.labels ?? {}) as Record<string, string>;
      // A nested value (the person form's profile) is labelled when each of its paths maps to a labelled form field.
      const nested = (key: string) => Object.entries((spec.fields ?? {}) as Record<string, string>).filter(([p]) => p.startsWith(`${key}.`));
      const labelledNested = (key: string) => nested(key).length > 0 && nested(key).every(([, field]) => field in labels);
      const missing = Object.entries(shape)
        .filter(
          ([key, schema]) =>
            !(key in labels) &&
            !labelledNested(key) &&
            !SENT_BY_THE_PAGE[name]?.includes(key) &&
            !Object.keys(labels).some((l) => l.startsWith(`${key}.`)) &&
            !typedByNobody(key, schema),
        )
        .map(([key]) => key);
      if (missing.length) unlabelled[name] = missing;
    }
    const notYet = Object.fromEntries(Object.entries(NOT_YET).filter(([, keys]) => keys.length));
    expect(unlabelled, "give these fields labels (defineAction's labels); NOT_YET only shrinks").toEqual(notYet);
  });

  it("no message of the catalogs is a generic “check your input”", async () => {
    const dir = path.join(root, "lib/i18n/messages");
    const generic = /check (your|the) (input|form|entries)|a field is missing|out of range|invalid input/i;
    // The {detail} messages of the API-near forms.
    const allowed = new Set(["api.error.invalid", "signup.error.input"]);
    const found: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith("-en.ts"))) {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, Record<string, string> | unknown>;
      for (const catalog of Object.values(mod)) {
        if (!catalog || typeof catalog !== "object") continue;
        for (const [key, text] of Object.entries(catalog as Record<string, unknown>))
          if (typeof text === "string" && generic.test(text) && !allowed.has(key)) found.push(`${key}: ${text}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("a card assigned: the answer names the card and the person it went to", async () => {
    const maria = (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, "maria@makerspace.local")))[0]!.personId;
    const answer = await call("app/(admin)/admin/cards/actions.ts#registerCardAction", { personId: `person:${maria}`, uid: "0A0B0C0D" });
    expect(answer).toEqual({ ok: true, message: "Card 0a0b0c0d registered to Maria Huber." });
  });

  it("a maintenance plan: every refused field named by its label, all at once, what was typed kept", async () => {
    const [machine] = await t.db.select({ id: machines.id }).from(machines).limit(1);
    const answer = await call("app/(admin)/admin/equipment/machines/[id]/operations/plan-actions.ts#addPlanAction", {
      machineId: String(machine!.id),
      everyHours: "0",
      lcdText: "Clean the lens and the mirrors",
      description: "",
      instructionsUrl: "not a link",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      message: "Please check the marked fields: Every (hours), Display text, Instructions (link).",
      fieldErrors: {
        everyHours: "Every (hours): at least 1, please.",
        lcdText: "Display text: at most 16 characters, please.",
        instructionsUrl: "Instructions (link): this is not in the expected form.",
      },
      values: { lcdText: "Clean the lens and the mirrors", instructionsUrl: "not a link" },
    });
    const saved = await call("app/(admin)/admin/equipment/machines/[id]/operations/plan-actions.ts#addPlanAction", {
      machineId: String(machine!.id),
      everyHours: "50",
      lcdText: "Clean lens",
      description: "",
      instructionsUrl: "",
    });
    expect(saved).toEqual({ ok: true, message: "Plan saved." });
    void savePlan;
  });

  it("attendance saved: the answer names whose attendance and what was recorded", async () => {
    const id = async (email: string) => (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, email)))[0]!.personId;
    const [trainer, maria] = [await id("trainer@makerspace.local"), await id("maria@makerspace.local")];
    const [laser] = await t.db.select().from(machines).where(eq(machines.boardId, 1));
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const scheduled = await scheduleSession(t.db, trainer, {
      equipmentTypeId: laser!.equipmentTypeId!,
      level: "user",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      capacity: 5,
    });
    if (!scheduled.ok) throw new Error(scheduled.message);
    const signup = await signUp(t.db, maria, scheduled.id);
    if (!signup.ok) throw new Error(signup.message);
    // The session has begun (attendance is recorded once it has).
    await t.db
      .update(trainingSessions)
      .set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) })
      .where(eq(trainingSessions.id, scheduled.id));
    state.personId = trainer;
    try {
      const answer = await call("app/(member)/training/actions.ts#markAttendanceAction", { signupId: String(signup.signupId), attendance: "no_show" });
      expect(answer).toMatchObject({ ok: true, message: expect.stringMatching(/^Attendance of Maria\b.* saved: no-show\.$/) });
    } finally {
      state.personId = admin;
    }
  });

  it("attendance without a choice names the field; a training requiring itself says so beside the level", async () => {
    const attendance = await call("app/(member)/training/actions.ts#markAttendanceAction", { signupId: "1" });
    expect(attendance).toMatchObject({ ok: false, fieldErrors: { attendance: "Attendance: please choose one of the options." } });
    const [type] = await t.db.query.equipmentTypes.findMany({ limit: 1 });
    const itself = await call("app/(admin)/admin/equipment/types/actions.ts#addPrerequisiteAction", {
      equipmentTypeId: String(type!.id),
      level: "user",
      requiresEquipmentTypeId: String(type!.id),
      requiresLevel: "user",
    });
    expect(itself).toMatchObject({
      ok: false,
      code: "requires_itself",
      fieldErrors: { requiresLevel: "A training cannot require itself: choose another type or level." },
    });
  });

  it("sign-up: every wrong field named by its label, all at once, what was typed kept (never the password)", async () => {
    state.personId = null;
    const answer = await call("app/(public)/signup/actions.ts#signUpAction", {
      firstName: " ",
      lastName: "Huber",
      email: "maria.at.example",
      password: "short",
      preferredLanguage: "de",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        firstName: "First name: please fill this in.",
        email: "Email: please enter an email address.",
        password: expect.stringMatching(/^Password: at least \d+ characters, please\.$/),
      },
      values: { lastName: "Huber", email: "maria.at.example" },
    });
    expect(answer.ok ? {} : answer.values).not.toHaveProperty("password");
    state.personId = admin;
  });

  it("a news post without title and text: both named by their labels at once", async () => {
    const answer = await call("app/(admin)/admin/news/actions.ts#createNewsAction", { title: " ", body: "" });
    expect(answer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { title: "Title: please fill this in.", body: "Text: please fill this in." } });
  });

  it("a webhook: a wrong address and no event named by their labels at once, what was typed kept", async () => {
    const answer = await call("app/(admin)/admin/webhooks/actions.ts#createWebhookAction", { url: "ftp://example.org/hook", description: "Board" });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { url: "Address (https://…): an address starting with http:// or https://, please.", events: "Events: please fill this in." },
      values: { url: "ftp://example.org/hook", description: "Board" },
    });
  });

  it("the open status: a message too long is named by its label beside it, what was typed kept", async () => {
    const long = "x".repeat(201);
    const answer = await call("app/(public)/start-actions.ts#setOpenStatusAction", { open: "true", message: long });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { message: "Message (optional): at most 200 characters, please." },
      values: { message: long },
    });
  });

  it("a sensor without a name: named by its label beside it", async () => {
    const answer = await call("app/(admin)/admin/sensors/actions.ts#createSensorAction", { name: "  " });
    expect(answer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: "Sensor name: please fill this in." } });
  });

  it("a poll: every wrong field named by its label, all at once, what was typed kept", async () => {
    const answer = await call("app/(member)/polls/actions.ts#createPollAction", {
      question: " ",
      description: "",
      options: "Yes\nyes",
      choice: "single",
      maxChoices: "1",
      opensAt: "2030-01-02T10:00",
      closesAt: "2030-01-01T10:00",
      resultsVisible: "after_vote",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { question: "Question: please fill this in.", options: "Options (one per line): two options are the same." },
      values: { options: "Yes\nyes" },
    });
  });

  it("a vote without a choice: the choice named beside it", async () => {
    const answer = await call("app/(member)/polls/actions.ts#voteAction", { pollId: "1" });
    expect(answer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { optionIds: "Your choice: choose at least one option, please." } });
  });

  it("an SSO client: a wrong redirect address and no name named by their labels at once, what was typed kept", async () => {
    const answer = await call("app/(admin)/admin/sso/actions.ts#createOidcClientAction", {
      name: " ",
      kind: "confidential",
      redirectUris: "https://wiki.example.org/cb#top",
      postLogoutRedirectUris: "",
      backchannelLogoutUri: "",
      requiredPermission: "",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        name: "Name (shown to members): please fill this in.",
        redirectUris: "Redirect addresses (one per line, exactly as the service sends them): no #fragment in a redirect address, please.",
      },
      values: { redirectUris: "https://wiki.example.org/cb#top" },
    });
    const saved = await call("app/(admin)/admin/sso/actions.ts#createOidcClientAction", {
      name: "Wiki",
      kind: "confidential",
      redirectUris: "https://wiki.example.org/cb",
      postLogoutRedirectUris: "",
      backchannelLogoutUri: "",
      requiredPermission: "",
    });
    expect(saved).toMatchObject({ ok: true });
  });

  it("a person's profile: every wrong field named by its label beside it, all at once, what was typed kept", async () => {
    const typed = {
      statusId: "1",
      firstName: " ",
      email: "not-an-email",
      phone: "call me",
      "study.field": "Physics",
      "study.start": "2020",
      "study.end": "2010",
    };
    const answer = await call("app/(admin)/admin/people/actions.ts#createPersonAction", typed);
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        firstName: "First name: please fill this in.",
        email: "Email: please enter an email address.",
        phone: "Phone: this is not in the expected form.",
        studies: "Fields of study: the end year comes before the start year; please check the years.",
      },
      values: { email: "not-an-email", phone: "call me" },
    });
    const maria = (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, "maria@makerspace.local")))[0]!.personId;
    const updated = await call("app/(admin)/admin/people/actions.ts#updatePersonAction", { personId: String(maria), firstName: "", email: "x@" });
    expect(updated).toMatchObject({
      ok: false,
      fieldErrors: { firstName: "First name: please fill this in.", email: "Email: please enter an email address." },
    });
  });

  it("a usage correction: a too short reason and too many minutes named by their labels at once (the domain's rules)", async () => {
    const answer = await call("app/(admin)/admin/usage/actions.ts#correctSessionAction", {
      sessionId: "1",
      startedAt: new Date().toISOString(),
      minutes: "99999",
      reason: "x",
    });
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { minutes: expect.stringMatching(/^Minutes.*: at most 10080, please\.$/), reason: "Reason: at least 3 characters, please." },
    });
  });

  it("a loan due in the past is refused beside “Due back on”", async () => {
    const created = await createThing(t.db, state.personId!, { name: "Cordless drill", ownership: "owned" });
    if (!created.ok) throw new Error(created.message);
    const maria = (await t.db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.email, "maria@makerspace.local")))[0]!.personId;
    const lend = actions.get("app/(member)/things/actions.ts#lendThingAction")! as unknown as (
      id: number,
      previous: null,
      formData: FormData,
    ) => Promise<ActionResult>;
    const answer = await lend(created.id, null, form({ borrowerPersonId: `person:${maria}`, dueAt: "2001-01-01", note: "" }));
    expect(answer).toMatchObject({
      ok: false,
      code: "due_in_past",
      message: "Due back on: the day must be today or later.",
      fieldErrors: { dueAt: "Due back on: the day must be today or later." },
    });
  });
});
