import { as, declared, filesUnder, formOf, lets, root, ROLES, setUpRoles, state, withRows, type DeclaredSpec } from "@/scripts/testing/authorization-matrix";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_CASES, type ActionCase, type Gate } from "@/scripts/testing/authorization-gates";
import { parsedSampleOf, sampleOf } from "@/scripts/testing/zod-sample";

/*
 * The authorization suite for server actions, generated from the code: every export of a "use server" file under
 * app/ is called as anonymous, applicant, member, trainer, staff (members.write) and a former and a banned member
 * with their old session. An action made by defineAction with a permission as its caller is refused by the pipeline
 * to everyone without it; every other action has a case in scripts/testing/authorization-gates.ts (a new action
 * without one fails here). For a defineAction action whose caller is "user" or "anyone", the suite also calls its
 * domain past the form — with a value its schema accepts and ids of rows that do not exist — and checks that the
 * applicant, member, trainer and staff are refused exactly when the case's gate does not let them in.
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

/** The domain behind a defineAction action, called as the pipeline would after the form parsed. */
async function pastTheForm(spec: DeclaredSpec, c: ActionCase | undefined): Promise<unknown> {
  const { getCurrentUser } = await import("@/lib/auth/current-user");
  const { getT } = await import("@/lib/i18n/server");
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, code: "unauthenticated" };
  const input = c?.form ? spec.input.safeParse(spec.read ? await spec.read(formOf(c.form)) : Object.fromEntries(formOf(c.form))) : undefined;
  const value = input?.success ? input.data : (parsedSampleOf(spec.input)?.value ?? {});
  return spec.run({ actor, db: state.db, t: await getT(), input: value, formData: formOf(c?.form) }, ...boundOf(spec, c));
}

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
  });

  it.each(actionFiles)("%s: every action refuses each role its gate does not let in", async (file) => {
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
      for (const role of LOGGED_IN) {
        const outcome = await as(role, () => pastTheForm(made!, c));
        if (outcome.refused === letIn(role))
          wrong.push(`${name} past the form as ${role}: ${outcome.refused ? "refused" : "let in"} (${outcome.detail}), gate ${JSON.stringify(gate)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
