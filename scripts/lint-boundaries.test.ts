import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The shared core must stay runnable in plain Node: this proves the lint rule that guards it is in force.
// lib/ and device-broker/ are linted with types, which needs a file of the project: probes use existing names.
const eslint = new ESLint({ cwd: process.cwd() });

// The first typed lint builds the TypeScript program (tens of seconds on a busy machine); the tests reuse it.
beforeAll(() => eslint.lintText("export {};\n", { filePath: "lib/env.ts" }), 180_000);

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("import boundaries", () => {
  it.each([
    ["lib/domain/access/permissions.ts", 'import { headers } from "next/headers";\nexport const h = headers;\n'],
    ["lib/db/client.ts", 'import { useState } from "react";\nexport const s = useState;\n'],
    ["lib/time/zone.ts", 'import { cache } from "react";\nexport const c = cache;\n'],
    ["lib/env.ts", 'import "server-only";\nexport const x = 1;\n'],
    ["device-broker/metrics.ts", 'import { auth } from "@/lib/auth";\nexport const a = auth;\n'],
    ["device-broker/policy.ts", 'import page from "../app/page";\nexport const p = page;\n'],
  ])("refuses web imports in %s", async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBeGreaterThan(0);
  });

  it("allows them in the web app", async () => {
    expect(await restrictedImportErrors("app/probe.ts", 'import { headers } from "next/headers";\nexport const h = headers;\n')).toBe(0);
  });

  it("reads the environment's time zone only where it seeds the space settings", async () => {
    const code = 'import { env } from "@/lib/env";\nexport const zone = env().SPACE_TIME_ZONE;\n';
    const errors = async (filePath: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === "no-restricted-properties").length;
    expect(await errors("app/(member)/bookings/probe.ts")).toBeGreaterThan(0);
    expect(await errors("lib/domain/settings/space-settings.ts")).toBe(0);
  });
});

async function ruleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? `parse error: ${m.message}`);
}

describe("the rules that say the architecture", () => {
  it("app/ imports no schema values; types are fine", async () => {
    const value = 'import { things } from "@/lib/db/schema";\nexport const t = things;\n';
    const types =
      'import type { Thing } from "@/lib/db/schema";\nimport { type Machine } from "@/lib/db/schema/equipment";\nexport type T = Thing | Machine;\n';
    expect(await ruleErrors("app/probe/page.tsx", value)).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(await ruleErrors("app/probe/page.tsx", 'import { things } from "@/lib/db/schema/inventory";\nexport const t = things;\n')).toEqual([
      "@typescript-eslint/no-restricted-imports",
    ]);
    expect(await ruleErrors("app/probe/page.tsx", types)).toEqual([]);
  });

  it("components/ import nothing from app/", async () => {
    expect(await ruleErrors("components/probe.tsx", 'import { logoutAction } from "@/app/actions";\nexport const a = logoutAction;\n')).toEqual([
      "no-restricted-imports",
    ]);
  });

  it("components/ never query the database: the page loads and hands the data over", async () => {
    expect(await ruleErrors("components/probe.tsx", 'import { getDb } from "@/lib/web/db";\nexport const d = getDb;\n')).toEqual(["no-restricted-imports"]);
    expect(await ruleErrors("components/people/probe.tsx", 'import { getDb } from "../../lib/web/db";\nexport const d = getDb;\n')).toEqual([
      "no-restricted-imports",
    ]);
    expect(await ruleErrors("components/probe.tsx", 'import { createDb } from "@/lib/db/client";\nexport const c = createDb;\n')).toEqual([
      "no-restricted-imports",
    ]);
    expect(await ruleErrors("app/probe/page.tsx", 'import { getDb } from "@/lib/web/db";\nexport const d = getDb;\n')).toEqual([]);
  });

  it("no floating or misused promise in lib/ and device-broker/", { timeout: 120_000 }, async () => {
    const floating = "export async function f(): Promise<number> { return 1; }\nexport function g(): void { f(); }\n";
    const misused =
      'import { EventEmitter } from "node:events";\nexport function h(e: EventEmitter): void { e.on("x", async () => { await Promise.resolve(); }); }\n';
    expect(await ruleErrors("lib/env.ts", floating)).toEqual(["@typescript-eslint/no-floating-promises"]);
    expect(await ruleErrors("device-broker/metrics.ts", floating)).toEqual(["@typescript-eslint/no-floating-promises"]);
    expect(await ruleErrors("lib/env.ts", misused)).toEqual(["@typescript-eslint/no-misused-promises"]);
    expect(
      await ruleErrors("lib/env.ts", "export async function f(): Promise<number> { return 1; }\nexport function g(): void { f().catch(() => {}); }\n"),
    ).toEqual([]);
  });

  it("refuses update and delete without where on our database handles", async () => {
    const code = [
      "declare const db: any; declare const tx: any; declare const t: { db: any }; declare const table: any;",
      "export const a = () => db.delete(table);",
      "export const b = () => tx.update(table).set({ x: 1 });",
      "export const c = () => t.db.delete(table).returning();",
      "export const ok1 = () => db.delete(table).where(1);",
      "export const ok2 = () => tx.update(table).set({ x: 1 }).where(1).returning();",
      "",
    ].join("\n");
    const [result] = await eslint.lintText(code, { filePath: "lib/env.ts" });
    expect(result!.messages.filter((m) => m.ruleId?.startsWith("drizzle/")).map((m) => [m.ruleId, m.line])).toEqual([
      ["drizzle/enforce-delete-with-where", 2],
      ["drizzle/enforce-update-with-where", 3],
      ["drizzle/enforce-delete-with-where", 4],
    ]);
  });
});
