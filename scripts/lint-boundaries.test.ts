import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The shared core must stay runnable in plain Node: this proves the lint rule that guards it is in force.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("import boundaries", () => {
  it.each([
    ["lib/domain/probe.ts", 'import { headers } from "next/headers";\nexport const h = headers;\n'],
    ["lib/db/probe.ts", 'import { useState } from "react";\nexport const s = useState;\n'],
    ["lib/time/probe.ts", 'import { cache } from "react";\nexport const c = cache;\n'],
    ["lib/env.ts", 'import "server-only";\nexport const x = 1;\n'],
    ["device-broker/probe.ts", 'import { auth } from "@/lib/auth";\nexport const a = auth;\n'],
    ["device-broker/probe2.ts", 'import page from "../app/page";\nexport const p = page;\n'],
  ])("refuses web imports in %s", async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toBeGreaterThan(0);
  });

  it("allows them in the web app", async () => {
    expect(await restrictedImportErrors("app/probe.ts", 'import { headers } from "next/headers";\nexport const h = headers;\n')).toBe(0);
  });

  it("reads the environment's time zone only where it seeds the space settings", async () => {
    const code = 'import { env } from "@/lib/env";\nexport const zone = env().SPACE_TIME_ZONE;\n';
    const errors = async (filePath: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === "no-restricted-properties").length;
    expect(await errors("app/(member)/bookings/probe.ts")).toBeGreaterThan(0);
    expect(await errors("lib/domain/settings/space-settings.ts")).toBe(0);
  });
});
