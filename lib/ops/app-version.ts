import fs from "node:fs";
import path from "node:path";

let version: string | undefined;

/** The app's version from package.json (the server runs from the project folder). */
export function appVersion(): string {
  try {
    version ??= (JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    version = "unknown";
  }
  return version;
}
