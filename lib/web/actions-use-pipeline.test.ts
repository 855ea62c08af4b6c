import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every server action goes through the one pipeline (lib/web/action.ts: defineAction): no "use server" file writes
 * an action by hand, and there are no exceptions.
 */

const root = path.resolve(import.meta.dirname, "../..");

function serverActionFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(rel);
    if (!/\.tsx?$/.test(entry.name) || entry.name.includes(".test.")) return [];
    return /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, rel), "utf8")) ? [rel] : [];
  });
}

const files = [...serverActionFiles("app"), ...serverActionFiles("components"), ...serverActionFiles("lib")];
const handWritten = (source: string) => /^export (async )?function /m.test(source);

describe("server actions use the one pipeline", () => {
  it("finds the server-action files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s exports only actions made by defineAction", (file) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    expect(handWritten(source), "write it as: export const xAction = defineAction({ … })").toBe(false);
    for (const [, name, made] of source.matchAll(/^export const (\w+) = (\w+)/gm)) expect([name, made]).toEqual([name, "defineAction"]);
  });
});
