import { actionFiles, declared, root, state, type DeclaredSpec } from "@/scripts/testing/server-actions";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { z } from "zod";
import { createDemoDatabase, type DemoDatabase } from "@/lib/db/testing/demo-database";
import type { ActionResult } from "@/lib/web/action-result";

/*
 * The harness of the form-answers tests (app/form-answers*.int.test.ts): server actions called as the page's form
 * calls them, by "<file>#<export>", against a fresh database with the demo data, the admin logged in. Import it
 * first in a test file: its mocks (scripts/testing/server-actions.ts) must be in place before any action is loaded.
 */

export { root, state };

type Action = (...args: unknown[]) => Promise<ActionResult>;

export interface FormAnswers {
  t: DemoDatabase;
  /** The demo admin's person id: who is logged in unless a test says otherwise (`as`). */
  admin: number;
  /** The person id of a demo account. */
  personIdOf(email: string): Promise<number>;
  /** Calls an action ("app/…/actions.ts#someAction") with the form's values, after the ids the page bound. */
  call(name: string, values: Record<string, string>, ...bound: unknown[]): Promise<ActionResult>;
  /** Runs `body` logged in as the person (null: nobody), then the admin again. */
  as<T>(personId: number | null, body: () => Promise<T>): Promise<T>;
}

export function formOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

async function actionNamed(name: string): Promise<Action> {
  const [file, exported] = name.split("#") as [string, string];
  const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
  const action = mod[exported];
  if (typeof action !== "function") throw new Error(`${file} exports no action ${exported}`);
  return action as Action;
}

/**
 * The harness for one test file: a fresh database with the demo data, the admin logged in, made before the file's
 * tests and closed after. Read it inside tests.
 */
export function formAnswersForThisFile(): FormAnswers {
  let made: FormAnswers | null = null;
  beforeAll(async () => {
    made = await setUpFormAnswers();
  });
  afterAll(() => made?.t.close());
  const ready = () => {
    if (!made) throw new Error("The harness is made before the tests: use it inside a test.");
    return made;
  };
  return {
    get t() {
      return ready().t;
    },
    get admin() {
      return ready().admin;
    },
    personIdOf: (email) => ready().personIdOf(email),
    call: (name, values, ...bound) => ready().call(name, values, ...bound),
    as: (personId, body) => ready().as(personId, body),
  };
}

/** A fresh database with the demo data, the admin logged in. Close `t` after the file's tests. */
export async function setUpFormAnswers(): Promise<FormAnswers> {
  const t = await createDemoDatabase();
  state.db = t.db;
  const personIdOf = async (email: string) => {
    const account = await t.db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.email, email), columns: { personId: true } });
    if (!account) throw new Error(`no account ${email}`);
    return account.personId;
  };
  const admin = await personIdOf("admin@makerspace.local");
  state.personId = admin;
  return {
    t,
    admin,
    personIdOf,
    call: async (name, values, ...bound) => (await actionNamed(name))(...bound, null, formOf(values)),
    async as(personId, body) {
      state.personId = personId;
      try {
        return await body();
      } finally {
        state.personId = admin;
      }
    },
  };
}

/** Every action of every "use server" file under app/ made by defineAction, by "<file>#<export>", with its spec. */
export async function declaredActions(): Promise<{ name: string; spec: DeclaredSpec }[]> {
  const found: { name: string; spec: DeclaredSpec }[] = [];
  for (const file of actionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const spec = declared.get(value);
      if (spec) found.push({ name: `${file}#${name}`, spec });
    }
  }
  return found;
}

/** The object shape of a form's schema (through a refinement's pipe), or null for another kind of schema. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "object") return def.shape as Record<string, z.ZodType>;
  if (def.type === "pipe") return shapeOf(def.in as z.ZodType);
  return null;
}

/** A field a person never types: a checkbox (it cannot be wrong) or an id the page put in a hidden field or bound. */
export function typedByNobody(key: string, schema: z.ZodType): boolean {
  let def = (schema as unknown as { _zod: { def: { type: string; innerType?: z.ZodType } } })._zod.def;
  while (def.innerType && (def.type === "optional" || def.type === "default" || def.type === "nullable"))
    def = (def.innerType as unknown as { _zod: { def: typeof def } })._zod.def;
  return def.type === "boolean" || /^(id|token|intent|query|fields|next|op|confirm)$|Id$|Ids$/.test(key);
}
