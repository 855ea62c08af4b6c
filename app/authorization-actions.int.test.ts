import {
  as,
  asDesk,
  declared,
  filesUnder,
  formOf,
  lets,
  narrowed,
  root,
  ROLES,
  setUpRoles,
  state,
  withRows,
  type DeclaredSpec,
} from "@/scripts/testing/authorization-matrix";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CASE_FORMS, OWN_WIDENING_CASES, PERSON_CASES, type PersonCase } from "@/scripts/testing/authorization-case-forms";
import { PICKED_PREFIX } from "@/lib/domain/people/pick-people";
import { ACTION_CASES, type ActionCase, type Gate } from "@/scripts/testing/authorization-gates";
import { parsedSampleOf, sampleOf } from "@/scripts/testing/zod-sample";

/*
 * The authorization suite for server actions, generated from the code: every export of a "use server" file under
 * app/ is called as anonymous, applicant, member, trainer, staff (members.write) and a former and a banned member
 * with their old session. An action made by defineAction with a permission as its caller is refused by the pipeline
 * to everyone without it; every other action has a case in scripts/testing/authorization-gates.ts (a new action
 * without one fails here). For a defineAction action whose caller is "user" or "anyone", the suite also calls its
 * domain past the form — with its case's form (CASE_FORMS) or else a sample of its schema, and ids of rows that do
 * not exist — and checks that the applicant, member, trainer and staff are refused exactly when the case's gate does
 * not let them in. An action with neither a form nor a sample its schema accepts fails: never an empty input.
 */

let close: () => Promise<void>;
beforeAll(async () => {
  const t = await setUpRoles();
  close = () => t.close();
});
afterAll(() => close?.());

const actionFiles = filesUnder("app", (_rel, source) => /^\s*["']use server["']/.test(source));
const LOGGED_IN = ["applicant", "member", "trainer", "staff"] as const;
const openCaller = (spec: DeclaredSpec | undefined) => spec !== undefined && (spec.caller === "user" || spec.caller === "anyone");

/**
 * Arguments for a hand-written action: its case's, else from its parameter names — bound ids (of a row that does
 * not exist, so nothing real changes), the previous result, the form (the case's values).
 */
function argumentsFor(fn: (...args: unknown[]) => unknown, spec: ActionCase | undefined): unknown[] {
  if (spec?.args) return withRows(spec.args);
  const names =
    /\(([^)]*)\)/
      .exec(fn.toString())?.[1]
      ?.split(",")
      .map((s) => s.trim().replace(/[=:].*$/, ""))
      .filter(Boolean) ?? [];
  return names.map((name) => (/form|data$/i.test(name) ? formOf(spec?.form) : /prev|state|previous|result|^_/i.test(name) ? null : 999_999));
}

/** A defineAction action's bound arguments: the case's, else values its schema accepts (ids of no row). */
const boundOf = (spec: DeclaredSpec, c: ActionCase | undefined): unknown[] =>
  (c?.args ? withRows(c.args) : undefined) ?? (spec.bound ? ((sampleOf(spec.bound) as unknown[] | undefined) ?? []) : []);

/**
 * What the pipeline hands a defineAction action's domain after its form parsed: the case's form as the action reads
 * it, else a sample of its schema; undefined when neither parses (the suite fails such an action: add a form).
 */
async function inputPastTheForm(spec: DeclaredSpec, c: ActionCase | undefined): Promise<{ value: unknown } | undefined> {
  const typed = c?.form ? spec.input.safeParse(spec.read ? await spec.read(formOf(c.form)) : Object.fromEntries(formOf(c.form))) : undefined;
  return typed?.success ? { value: typed.data } : parsedSampleOf(spec.input);
}

/** The domain behind a defineAction action, called as the pipeline would after the form parsed. */
async function pastTheForm(spec: DeclaredSpec, c: ActionCase | undefined, input: { value: unknown }): Promise<unknown> {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  const { getT } = await import("@/lib/i18n/server");
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, code: "unauthenticated" };
  return spec.run({ actor, db: state.db, t: await getT(), input: input.value, formData: formOf(c?.form) }, ...boundOf(spec, c));
}

const noInput = (name: string) =>
  `${name}: neither its case form nor a sample of its schema parses — add a form (CASE_FORMS in scripts/testing/authorization-gates.ts)`;

describe("authorization matrix: server actions", () => {
  it("finds the server actions, and each whose gate its code does not declare has a case", async () => {
    expect(actionFiles.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const made = declared.get(value);
        if (made && !openCaller(made)) continue;
        if (!(`${file}#${name}` in ACTION_CASES)) missing.push(`${file}#${name}`);
      }
    }
    expect(missing, "give each a gate in scripts/testing/authorization-gates.ts").toEqual([]);
    expect(
      Object.keys(CASE_FORMS).filter((key) => !(key in ACTION_CASES)),
      "a form in CASE_FORMS for an action without a case",
    ).toEqual([]);
  });

  it("an action whose schema neither its case form nor a sample of it satisfies is a failure, not a call with an empty input", async () => {
    const refined = z.object({ email: z.email(), name: z.string() }).refine((v) => v.name.length > 3);
    const spec = { caller: "user", input: refined, run: async () => ({ ok: true }) } satisfies DeclaredSpec;
    expect(await inputPastTheForm(spec, { gate: "user" })).toBeUndefined();
    expect(await inputPastTheForm(spec, { gate: "user", form: { email: "not an address", name: "Sample" } })).toBeUndefined();
    expect(await inputPastTheForm(spec, { gate: "user", form: { email: "sample@example.org", name: "Sample" } })).toEqual({
      value: { email: "sample@example.org", name: "Sample" },
    });
    expect(noInput("createThingAction")).toMatch(/^createThingAction: neither its case form nor a sample of its schema parses — add a form/);
  });

  it.each(actionFiles)(
    "%s: every action refuses each role its gate does not let in",
    async (file) => {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const wrong: string[] = [];
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        const action = value as (...args: unknown[]) => Promise<unknown>;
        const made = declared.get(action);
        const c = ACTION_CASES[`${file}#${name}`];
        if (made === undefined && c === undefined) continue; // the test above names it
        // Through the pipeline, a defineAction action's declared caller is its gate; past the form, its case's.
        const gate = (c?.gate ?? made!.caller) as Gate;
        const letIn = (role: (typeof ROLES)[number]) => lets(gate, role) || (c?.alsoLets?.includes(role) ?? false);
        const pipelineLetsIn = (role: (typeof ROLES)[number]) => (made ? lets(made.caller as Gate, role) : letIn(role));
        for (const role of ROLES) {
          // Fresh arguments per call: a form is read once.
          const args = made !== undefined ? [...boundOf(made, c), null, formOf(c?.form)] : argumentsFor(action, c);
          const outcome = await as(role, () => action(...args));
          // Through the pipeline, the form may stop a call before its domain: a refusal of a role the gate lets in
          // is the domain's to make (below), an answer to a role it does not is a hole.
          if (made !== undefined && outcome.refused && pipelineLetsIn(role)) continue;
          if (outcome.refused === pipelineLetsIn(role))
            wrong.push(`${name} as ${role}: ${outcome.refused ? "refused" : "let in"} (${outcome.detail}), gate ${JSON.stringify(gate)}`);
        }
        if (!openCaller(made)) continue;
        // Read as the staff member (a person picker may depend on who asks); an action past its form with no valid
        // input would only test in which order its domain reads and checks.
        let input: { value: unknown } | undefined;
        await as("staff", async () => void (input = await inputPastTheForm(made!, c)));
        if (!input) {
          wrong.push(noInput(name));
          continue;
        }
        for (const role of LOGGED_IN) {
          const outcome = await as(role, () => pastTheForm(made!, c, input!));
          if (outcome.refused === letIn(role))
            wrong.push(`${name} past the form as ${role}: ${outcome.refused ? "refused" : "let in"} (${outcome.detail}), gate ${JSON.stringify(gate)}`);
        }
      }
      expect(wrong).toEqual([]);
      // A file of many actions makes some hundred calls; on a loaded machine that is more than the default 30 s, and a
      // call still running after a timeout would act as someone else in the next file's test.
    },
    180_000,
  );
});

/**
 * Does an action take one person by id: a `personId` in its input, a `person` (named in a form: picker, member
 * number or email), or a bound id on the admin person page?
 */
function takesPerson(file: string, spec: DeclaredSpec): boolean {
  const shape = (spec.input as { shape?: Record<string, unknown> }).shape;
  return Boolean(shape && ("personId" in shape || "person" in shape)) || (file.startsWith("app/(admin)/admin/people/[id]/") && spec.bound !== undefined);
}

/** A person case's arguments for one subject: its bound ids, then (previous result, form). */
function personCall(c: PersonCase, subject: number): unknown[] {
  const value = (v: unknown) =>
    v === "$subject"
      ? subject
      : v === "$pick:subject"
        ? `${PICKED_PREFIX}${subject}`
        : withRows([typeof v === "string" ? v.replace(/:\$subject$/, `:${subject}`) : v])[0];
  const form = new FormData();
  for (const [key, v] of Object.entries(c.form ?? {})) form.set(key, String(value(v)));
  if (c.file) form.set(c.file, new File([new Uint8Array([1, 2, 3])], "sample.png", { type: "image/png" }));
  return [...(c.args ?? []).map(value), null, form];
}

const codeOf = (answer: unknown) => (answer && typeof answer === "object" && "code" in answer ? String(answer.code) : JSON.stringify(answer));

describe("authorization matrix: a person outside the caller's view rights", () => {
  it("every action that takes a person by id has a case", async () => {
    const missing: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const spec = declared.get(value);
        if (spec && takesPerson(file, spec) && !(`${file}#${name}` in PERSON_CASES)) missing.push(`${file}#${name}`);
      }
    }
    expect(missing, "give each a case in PERSON_CASES (scripts/testing/authorization-case-forms.ts)").toEqual([]);
  });

  // In the cases' order: erasure, last, erases the person the desk sees.
  it.each(Object.keys(PERSON_CASES))(
    "%s: a people desk that does not see the person is refused as if there were nobody; one they see is not",
    async (key) => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(/* @vite-ignore */ path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
      const c = PERSON_CASES[key]!;
      const outside = await asDesk(() => action(...personCall(c, narrowed.outside)));
      const inside = await asDesk(() => action(...personCall(c, narrowed.inside)));
      if (c.adminOnly) {
        expect([codeOf(outside), codeOf(inside)]).toEqual(["forbidden", "forbidden"]);
        return;
      }
      // Not found (or the action's word for nobody), or forbidden; never past the check.
      expect([c.nobody ?? "not_found", "forbidden"]).toContain(codeOf(outside));
      // The same call on a person the desk sees gets past that check (to the form's sample ids, or done).
      expect(codeOf(inside)).not.toBe(codeOf(outside));
    },
    60_000,
  );
});

describe("authorization matrix: a people desk widening their own view rights", () => {
  it.each(Object.keys(OWN_WIDENING_CASES))(
    "%s: the desk is refused a change that would show them groups they may not see",
    async (key) => {
      const [file, name] = key.split("#") as [string, string];
      const action = ((await import(/* @vite-ignore */ path.join(root, file))) as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
      expect(codeOf(await asDesk(() => action(...personCall(OWN_WIDENING_CASES[key]!, narrowed.desk))))).toBe("exceeds_own_view_rights");
    },
    60_000,
  );
});
