import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * Every server action goes through the one pipeline (lib/web/action.ts: defineAction). The files below predate it
 * and still write their actions by hand; the list only shrinks: a migrated file must leave it, a new file cannot join.
 */
const NOT_YET_MIGRATED = new Set([
  "app/(admin)/admin/cards/actions.ts",
  "app/(admin)/admin/events/actions.ts",
  "app/(admin)/admin/import/fabomatic/actions.ts",
  "app/(admin)/admin/people/[id]/partner-actions.ts",
  "app/(admin)/admin/people/import/actions.ts",
  "app/(admin)/admin/people/invite/actions.ts",
  "app/(member)/things/import/actions.ts",
]);

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

  it.each(files.filter((f) => !NOT_YET_MIGRATED.has(f)))("%s exports only actions made by defineAction", (file) => {
    const source = fs.readFileSync(path.join(root, file), "utf8");
    expect(handWritten(source), "write it as: export const xAction = defineAction({ … })").toBe(false);
    for (const [, name, made] of source.matchAll(/^export const (\w+) = (\w+)/gm)) expect([name, made]).toEqual([name, "defineAction"]);
  });

  it("the list of files not yet migrated holds only such files", () => {
    const stale = [...NOT_YET_MIGRATED].filter((f) => !fs.existsSync(path.join(root, f)) || !handWritten(fs.readFileSync(path.join(root, f), "utf8")));
    expect(stale, "remove migrated files from NOT_YET_MIGRATED").toEqual([]);
  });
});
