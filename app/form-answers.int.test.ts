import { declaredActions, root, shapeOf, typedByNobody } from "./form-answers.harness";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Forms that explain, for every form of the app: each field a person fills in is named by its label when refused
 * (all refused fields at once, beside themselves) and no catalog message says only "please check your input". What
 * the forms answer, by area: form-answers-people, form-answers-equipment and form-answers-community.
 */

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

describe("forms explain", () => {
  it("every field a person fills in has a label, so a refusal names it as the form shows it", async () => {
    const loadedSpecs = await declaredActions();
    expect(loadedSpecs.length).toBeGreaterThan(100);
    const unlabelled: Record<string, string[]> = {};
    for (const { name, spec } of loadedSpecs) {
      const shape = shapeOf(spec.input);
      if (!shape) continue;
      const labels = spec.labels ?? {};
      // A nested value (the person form's profile) is labelled when each of its paths maps to a labelled form field.
      const nested = (key: string) => Object.entries(spec.fields ?? {}).filter(([p]) => p.startsWith(`${key}.`));
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
});
