import fs from "node:fs";
import path from "node:path";

/*
 * What the components/ui tests search for hand-made copies of a part: the app's own source files, read as text.
 * One walker for all of them, so each test says only what a copy looks like.
 */

const root = path.resolve(import.meta.dirname, "../../..");

function walk(dir: string, ending: RegExp): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return walk(rel, ending);
    return ending.test(entry.name) && !entry.name.includes(".test.") ? [rel] : [];
  });
}

/**
 * Every component file (`.tsx`; with `withTs` the `.ts` files too, where class strings may live) in app/ and
 * components/, tests left out, as paths from the repository's root ("app/(admin)/admin/page.tsx").
 */
export function sourceFiles({ withTs = false }: { withTs?: boolean } = {}): string[] {
  const ending = withTs ? /\.tsx?$/ : /\.tsx$/;
  return [...walk("app", ending), ...walk("components", ending)];
}

/** A source file's text, by its path from the repository's root. */
export function readSource(file: string): string {
  return fs.readFileSync(path.join(root, file), "utf8");
}

/** The files whose text has this (`"<Table"`, a pattern): a test's check that it still searches where the part is used. */
export function filesUsing(files: string[], use: string | RegExp): string[] {
  return files.filter((file) => {
    const text = readSource(file);
    return typeof use === "string" ? text.includes(use) : use.test(text);
  });
}
