import { describe, expect, it } from "vitest";
import { filesUsing, readSource, sourceFiles } from "./source-files";

describe("the ui tests' source files", () => {
  it("are the app's and the components' .tsx files, tests left out, by their path from the root", () => {
    const files = sourceFiles();
    expect(files).toContain("app/layout.tsx");
    expect(files).toContain("components/ui/table.tsx");
    expect(files.filter((file) => !/^(app|components)\/.*\.tsx$/.test(file) || file.includes(".test."))).toEqual([]);
    expect(files).not.toContain("components/ui/styles.ts");
  });

  it("take the .ts files too when asked", () => {
    expect(sourceFiles({ withTs: true })).toContain("components/ui/styles.ts");
  });

  it("are read by that path, and found by what they use", () => {
    expect(readSource("components/ui/table.tsx")).toContain("export function Table");
    expect(filesUsing(["components/ui/table.tsx", "components/ui/badge.tsx"], /export function Table\b/)).toEqual(["components/ui/table.tsx"]);
    expect(filesUsing(["components/ui/table.tsx", "components/ui/badge.tsx"], "export function Badge")).toEqual(["components/ui/badge.tsx"]);
  });
});
